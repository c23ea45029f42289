using AdviesRoute.Activities.Calendar;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Jaarkalender;

/// <summary>
/// The year view: every body's meetings with their documents deadline (those that took place marked), the P&amp;C
/// milestones, the legal check's warnings for the begroting, each running begroting's planning beside the law's dates,
/// and the route simulation of a kind from a start date, both governance models side by side. It opens on the year that
/// matters now (<see cref="YearThatMatters"/>).
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(IGovernanceDirectory directory, LegalCheck legal, RouteSimulator simulator, IWorkflowReader workflows, BegrotingPlanning planning, TimeProvider time) : PageModel
{
    /// <summary>Today in the Netherlands, by which meetings are marked as held.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The running begrotingen adopted in the year shown.</summary>
    public IReadOnlyList<RunningBegroting> Begrotingen { get; private set; } = [];

    /// <summary>The running begrotingen of other years, for a link to their year.</summary>
    public IReadOnlyList<RunningBegroting> OtherBegrotingen { get; private set; } = [];

    /// <summary>Why a year asked for in the address was not taken; null when it was.</summary>
    public string? YearError { get; private set; }

    /// <summary>
    /// The year a person wants to see now: the current one while it still has a meeting to come; after its last meeting
    /// the next year, when that has meetings (in December the secretariat plans January); without meetings in the current
    /// year, the nearest year that has them.
    /// </summary>
    public static int YearThatMatters(IEnumerable<DateOnly> meetings, DateOnly today)
    {
        var years = meetings.GroupBy(m => m.Year).ToDictionary(g => g.Key, g => g.Max());
        if (years.TryGetValue(today.Year, out var last))
        {
            return last >= today || !years.ContainsKey(today.Year + 1) ? today.Year : today.Year + 1;
        }

        return years.Count == 0 ? today.Year : years.Keys.OrderBy(y => Math.Abs(y - today.Year)).ThenByDescending(y => y).First();
    }

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public GovernanceSnapshot Governance { get; private set; } = null!;

    public BegrotingCheck? Check { get; private set; }

    public ModelComparison? Comparison { get; private set; }

    public string? SimulationError { get; private set; }

    public string Soort { get; private set; } = "begroting";

    public string Pijler { get; private set; } = "PubliekeGezondheid";

    public string Start { get; private set; } = "";

    public async Task OnGetAsync(string? jaar, string? soort, string? pijler, string? start, CancellationToken cancellationToken)
    {
        Governance = directory.Current;
        var today = DutchTime.Today(time.GetUtcNow());
        Today = today;
        Years = Governance.Calendar.Meetings.Select(m => m.Date.Year).Distinct().Order().ToList();
        Year = YearThatMatters(Governance.Calendar.Meetings.Select(m => m.Date), today);
        if (!string.IsNullOrWhiteSpace(jaar))
        {
            if (int.TryParse(jaar, out var asked) && asked is >= 2000 and <= 2100)
            {
                Year = asked;
            }
            else
            {
                YearError = $"'{jaar}' is geen jaar. Hieronder staat {Year}; kies een ander jaar met de knoppen.";
            }
        }

        Check = legal.Begroting(Governance.Calendar, Year);
        var running = await planning.RunningAsync(Governance, cancellationToken);
        Begrotingen = running.Where(b => b.Year == Year).ToList();
        OtherBegrotingen = running.Where(b => b.Year != Year).ToList();
        Soort = soort ?? Soort;
        Pijler = pijler ?? Pijler;
        Start = start ?? Cijfers.DayInput.Format(today);
        if (start is null)
        {
            return;
        }

        if (!Cijfers.DayInput.TryParse(start, out var from))
        {
            SimulationError = Cijfers.DayInput.Refusal("startdatum", start, today.Year);
            return;
        }

        var definition = await workflows.GetDefinitionAsync(DefinitionRef.Published("voorstel"), cancellationToken);
        if (definition is null)
        {
            SimulationError = "Er is geen gepubliceerde definitie 'voorstel'.";
            return;
        }

        try
        {
            Comparison = simulator.Compare(definition.Model, new JsonObject { ["soort"] = Soort, ["pijler"] = Pijler }, from, Governance);
        }
        catch (SimulationException ex)
        {
            SimulationError = ex.Message;
        }
    }
}
