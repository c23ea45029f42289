using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>An open request belongs to a seat: when a term ends it passes to the successor.</summary>
public sealed class OpenRequestsTests
{
    private static readonly string WrittenDbDecision =
        WrittenDecision.Definition("schriftelijk-db", """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P4W" }""");

    // Sander Kamps (Emmen) leaves the DB on 15 September 2026; Els Bakker takes his seat on the 16th.
    private static GovernanceModel WithSuccessor(GovernanceModel model) =>
        Succession.Replace(model, "m064", new DateOnly(2026, 9, 15), "m900", "Els Bakker", "els.bakker@emmen.example.org");

    [Fact]
    public async Task An_open_request_passes_to_the_successor_when_the_term_ends_and_the_journal_names_who_answered()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 7), WithSuccessor);
        await engine.Host.SaveAsync(WrittenDbDecision);
        var id = (await engine.StartAsync("schriftelijk-db", new { titel = "Aanbesteding jeugdgezondheidszorg" })).InstanceId;
        var governance = engine.Host.Services.GetRequiredService<IGovernanceDirectory>().Current;

        // Before the change the request for Emmen's seat is Sander Kamps's.
        var before = OpenRequests.For(await engine.ViewAsync(id), governance, new DateOnly(2026, 9, 10));
        before.Should().HaveCount(5);
        var emmen = before.Single(r => r.AskedOf == "Sander Kamps");
        emmen.Addressees.Select(a => a.Name).Should().Equal("Sander Kamps");
        emmen.PassedOn.Should().BeFalse();
        emmen.Deadline.Should().Be("uiterlijk 5 oktober 2026 (reglement van orde: schriftelijke ronde van 4 weken)");

        // After 15 September the same request is Els Bakker's.
        await engine.MoveToAsync(new DateOnly(2026, 9, 21));
        var after = OpenRequests.For(await engine.ViewAsync(id), governance, new DateOnly(2026, 9, 21)).Single(r => r.AskedOf == "Sander Kamps");
        after.Addressees.Should().ContainSingle().Which.Should().Be(new Addressee("m900", "Els Bakker", "els.bakker@emmen.example.org"));
        after.PassedOn.Should().BeTrue();

        // Sander Kamps can no longer answer it; Els Bakker can, and the journal keeps her name and the seat.
        var late = () => engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m064", keuze = "voor" }, seat: "m064");
        await late.Should().ThrowAsync<AdviesRoute.Workflows.Runtime.ResumeRejectedException>()
            .WithMessage("De zittingstermijn van Sander Kamps is op 15 september 2026 geëindigd; het verzoek is overgegaan naar Els Bakker.");
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m900", keuze = "voor" }, seat: "m064", actor: "Els Bakker");
        var vote = (await engine.JournalAsync(id)).Single(j => j.Kind == "stem");
        vote.Actor.Should().Be("Els Bakker");
        vote.Outcome.Should().Be("voor");
        vote.DataJson.Should().Contain("\"naam\":\"Els Bakker\"").And.Contain("\"zetel\":\"m064\"");
        // Her request stays open while the round runs (she may change her vote) and shows her choice.
        var open = OpenRequests.For(await engine.ViewAsync(id), governance, new DateOnly(2026, 9, 21));
        open.Should().HaveCount(5);
        open.Single(r => r.AskedOf == "Sander Kamps").Choice.Should().Be("voor");
        open.Where(r => r.AskedOf != "Sander Kamps").Should().OnlyContain(r => r.Choice == null && r.Round == 1);
    }
}
