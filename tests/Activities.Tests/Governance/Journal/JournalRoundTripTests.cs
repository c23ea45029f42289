using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance.Journal;

/// <summary>What the voting activity writes through the typed journal reads back, from the engine's read API, as the same entries and as sentences.</summary>
public sealed class JournalRoundTripTests
{
    private static readonly string WrittenAbDecision =
        WrittenDecision.Definition("schriftelijk-ab", """{ "orgaan": "ab", "wijze": "schriftelijk", "termijn": "P4W" }""");

    // Jolanda Dijkstra (Aa en Hunze) leaves the AB on 15 September 2026; Bart Kuipers takes her seat on the 16th.
    private static GovernanceModel WithSuccessor(GovernanceModel model) =>
        Succession.Replace(model, "m028", new DateOnly(2026, 9, 15), "m901", "Bart Kuipers", "bart.kuipers@aa-en-hunze.example.org");

    [Fact]
    public async Task Votes_of_a_substitute_a_successor_and_one_recorded_namens_read_back_as_typed_entries_and_sentences_naming_who_voted_for_whom()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 7), WithSuccessor);
        await engine.Host.SaveAsync(WrittenAbDecision);
        var id = (await engine.StartAsync("schriftelijk-ab", new { titel = "Wijziging van de regeling" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2026, 9, 21));

        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m032", keuze = "voor" }, seat: "m031", actor: "Otto Jansen");
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m901", keuze = "tegen", toelichting = "Te vroeg." }, seat: "m028", actor: "Bart Kuipers");
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m034", keuze = "onthouding", namens = "Telefonisch doorgegeven op 21 september" },
            seat: "m034", actor: "a.secretaris@example.org");

        var journal = await engine.Host.ReadAsync(reader => reader.GetJournalAsync(id));
        var votes = journal.Where(j => j.Kind == StemUitgebracht.KindName).ToList();
        votes.Select(GovernanceJournal.Read<StemUitgebracht>).Should().Equal(
            new StemUitgebracht("voor", "m032", "Otto Jansen", "m031", null, true, null, null, null),
            new StemUitgebracht("tegen", "m901", "Bart Kuipers", "m028", "Bart Kuipers", false, null, null, "Te vroeg."),
            new StemUitgebracht("onthouding", "m034", "Quinten Kamps", "m034", null, false, null,
                new JournalNamens("a.secretaris@example.org", "Telefonisch doorgegeven op 21 september"), null));
        votes.Should().OnlyContain(v => JsonNode.DeepEquals(GovernanceJournal.Read(v)!.ToData(), v.Data), "the typed entry writes back what is stored");

        var governance = engine.Host.Services.GetRequiredService<IGovernanceDirectory>().Current;
        var lines = JournalTimeline.Lines(journal, governance, new Dictionary<string, string> { ["besluit"] = "Besluit van het algemeen bestuur" });
        lines.Where(l => !l.Technical).Select(l => l.Sentence).Should().Equal(
            "Voorstel gestart",
            "Schriftelijke ronde van Algemeen bestuur gestart: 12 leden gevraagd; uiterlijk 5 oktober 2026 (reglement van orde: schriftelijke ronde van 4 weken)",
            "Otto Jansen, plaatsvervanger van Nathalie Bakker: stem voor",
            "Bart Kuipers, opvolger van Jolanda Dijkstra: stem tegen; toelichting: Te vroeg",
            "Quinten Kamps: onthouding; vastgelegd door a.secretaris@example.org namens Quinten Kamps, reden: Telefonisch doorgegeven op 21 september");
        var namens = lines.Single(l => l.Sentence.StartsWith("Quinten Kamps", StringComparison.Ordinal));
        namens.Should().Be(namens with
        {
            Moment = "21 september 2026 om 09:00",
            Step = "Besluit van het algemeen bestuur",
            Actor = "a.secretaris@example.org",
            Channel = "via een koppeling",
            Technical = false,
        });
        lines.Where(l => l.Technical).Select(l => l.Sentence).Should().Contain(["Stap begonnen bij Besluit van het algemeen bestuur", "Invoer ontvangen bij Besluit van het algemeen bestuur (stem)"]);
    }
}
