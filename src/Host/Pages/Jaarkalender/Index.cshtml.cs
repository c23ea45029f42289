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
/// The year view: every body's meetings with their documents deadline, the P&amp;C milestones, the legal check's
/// warnings for the begroting, and the route simulation of a kind from a start date, both governance models side by side.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(IGovernanceDirectory directory, LegalCheck legal, RouteSimulator simulator, IWorkflowReader workflows, TimeProvider time) : PageModel
{

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public GovernanceSnapshot Governance { get; private set; } = null!;

    public BegrotingCheck? Check { get; private set; }

    public ModelComparison? Comparison { get; private set; }

    public string? SimulationError { get; private set; }

    public string Soort { get; private set; } = "begroting";

    public string Pijler { get; private set; } = "PubliekeGezondheid";

    public string Start { get; private set; } = "";

    public async Task OnGetAsync(int? jaar, string? soort, string? pijler, string? start, CancellationToken cancellationToken)
    {
        Governance = directory.Current;
        var today = DutchTime.Today(time.GetUtcNow());
        Years = Governance.Calendar.Meetings.Select(m => m.Date.Year).Distinct().Order().ToList();
        Year = jaar ?? (Years.Contains(today.Year) ? today.Year : Years.FirstOrDefault(today.Year));
        Check = legal.Begroting(Governance.Calendar, Year);
        Soort = soort ?? Soort;
        Pijler = pijler ?? Pijler;
        Start = start ?? today.ToString("yyyy-MM-dd");
        if (start is null)
        {
            return;
        }

        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", out var from))
        {
            SimulationError = $"'{start}' is geen datum (jjjj-mm-dd).";
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
