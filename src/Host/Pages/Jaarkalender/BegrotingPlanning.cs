using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Pages.Jaarkalender;

/// <summary>One legal step of a running begroting: the law's date with its article beside the begroting's own planning.</summary>
/// <param name="Planned">The begroting's own date for it; null when it has none (the law's date is information only).</param>
/// <param name="PlannedText">How the planning was found ("geagendeerd", "verwacht"), or why there is none.</param>
/// <param name="Warning">Set when the planning is later than the law allows.</param>
public sealed record PlannedStep(string What, Deadline Legal, DateOnly? Planned, string PlannedText, string? Warning);

/// <summary>A running begroting with the year its AB adopts it in, and its legal steps.</summary>
public sealed record RunningBegroting(string Id, string Title, int Year, IReadOnlyList<PlannedStep> Steps)
{
    public IEnumerable<string> Warnings => Steps.Select(s => s.Warning).OfType<string>();
}

/// <summary>
/// The running begrotingen beside the law: for each, its DB meeting that sends the ontwerpbegroting to the councils and
/// its AB meeting (those it was placed on; otherwise those its route reaches on the jaarkalender, simulated from the day
/// it started), and beside them the legal dates of that year that <see cref="BegrotingDeadlines"/> computes: at the
/// latest 12 weeks before the AB to the councils (art. 35 lid 1 Wgr), their 12 weeks for a zienswijze (art. 35 lid 3
/// Wgr), adoption in time to reach Gedeputeerde Staten before 15 September (art. 34 lid 2 Wgr).
/// </summary>
public sealed class BegrotingPlanning(IWorkflowReader workflows, RouteSimulator simulator, BegrotingDeadlines begroting)
{
    /// <summary>At most this many running begrotingen are read: a GR has one or two at a time.</summary>
    private const int MaxRunning = 20;

    public async Task<IReadOnlyList<RunningBegroting>> RunningAsync(GovernanceSnapshot governance, CancellationToken cancellationToken)
    {
        var page = await workflows.PageInstancesAsync(new InstanceQuery
        {
            Statuses = [WorkflowStatus.Suspended],
            Attributes = [ProposalAttributes.Kind.Is("begroting")],
        }, null, MaxRunning, cancellationToken);
        var running = new List<RunningBegroting>();
        foreach (var instance in page.Items)
        {
            running.Add(await PlanAsync(instance, governance, cancellationToken));
        }

        return running;
    }

    private async Task<RunningBegroting> PlanAsync(InstanceView instance, GovernanceSnapshot governance, CancellationToken cancellationToken)
    {
        var calendar = governance.Calendar;
        var placed = instance.AttributeValues(ProposalAttributes.Meeting)
            .Select(id => calendar.Meetings.FirstOrDefault(m => m.Id == id)).OfType<Meeting>().ToList();
        var placedDb = placed.Where(m => m.Body == "db").OrderBy(m => m.Date).FirstOrDefault();
        var placedAb = placed.Where(m => m.Body == "ab").OrderBy(m => m.Date).LastOrDefault();

        DateOnly? simulatedDb = null, simulatedAb = null;
        if (placedDb is null || placedAb is null)
        {
            var model = await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken);
            try
            {
                var route = model is null ? null : simulator.Simulate(model, (JsonObject)instance.Input.DeepClone(), DutchTime.Today(instance.CreatedAt), governance);
                // A simulated step names its meeting's body by name; the calendar knows the body's id.
                string? BodyOf(RouteStep step) => step.Meeting is { } m ? calendar.Meetings.FirstOrDefault(c => c.Id == m.Id)?.Body : null;
                simulatedDb = route?.Steps.FirstOrDefault(s => BodyOf(s) == "db")?.Date;
                simulatedAb = route?.Steps.LastOrDefault(s => BodyOf(s) == "ab")?.Date;
            }
            catch (SimulationException)
            {
                // No meeting left on the calendar for some step: the planning is then unknown, and the page says so.
            }
        }

        var ab = placedAb?.Date ?? simulatedAb;
        var db = placedDb?.Date ?? simulatedDb;
        var year = ab?.Year ?? DutchTime.Today(instance.CreatedAt).Year;
        var title = instance.Input["titel"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : "(zonder titel)";
        string How(Meeting? meeting, DateOnly? date) => meeting is not null ? "geagendeerd" : date is not null ? "verwacht volgens de route" : "nog niet te plannen: er staat geen vergadering op de kalender";

        var steps = new List<PlannedStep>();
        var adoptionLastDay = new DateOnly(year, 9, 14);
        var adoption = DeadlineCalculator.FixedDate(adoptionLastDay, "vaststellen op tijd om vóór 15 september naar Gedeputeerde Staten te sturen", "art. 34 lid 2 Wgr");
        if (ab is { } abDate)
        {
            var dispatch = begroting.LatestDispatch(abDate);
            steps.Add(new PlannedStep("Ontwerpbegroting door het DB naar de raden", dispatch, db, How(placedDb, db),
                db is { } d && d > dispatch.Date
                    ? $"Het DB verstuurt de ontwerpbegroting volgens de planning op {DutchFormat.Day(d)}, na de wettelijke datum {DutchFormat.Day(dispatch.Date)} ({dispatch.LegalBasis}: 12 weken vóór het algemeen bestuur)."
                    : null));
            if (db is { } sent)
            {
                var zienswijzen = begroting.Zienswijzen(sent);
                steps.Add(new PlannedStep("Zienswijzen van de raden", zienswijzen, null, $"volgt uit de verzending op {DutchFormat.Day(sent)}", null));
            }
        }

        steps.Add(new PlannedStep("Vaststelling door het algemeen bestuur", adoption, ab, How(placedAb, ab),
            ab is { } late && late > adoptionLastDay
                ? $"Het algemeen bestuur stelt deze begroting volgens de planning pas op {DutchFormat.Day(late)} vast, later dan de wettelijke datum {DutchFormat.Day(adoptionLastDay)} ({adoption.LegalBasis}: vóór 15 september naar Gedeputeerde Staten)."
                : null));
        if (ab is { } adopted)
        {
            steps.Add(new PlannedStep("Begroting naar Gedeputeerde Staten", begroting.ToGedeputeerdeStaten(adopted), null, $"volgt uit de vaststelling op {DutchFormat.Day(adopted)}", null));
        }

        return new RunningBegroting(instance.Id, title, year, steps);
    }
}
