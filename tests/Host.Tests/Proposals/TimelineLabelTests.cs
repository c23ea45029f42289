using System.Text.Json.Nodes;
using AdviesRoute.Host.Proposals.Overview;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>The proposal's timeline names the legal last day of a notification, and says when it was missed.</summary>
public sealed class TimelineLabelTests
{
    private const string Deadline = "uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)";

    [Fact]
    public void A_notification_with_a_legal_last_day_shows_it_and_a_missed_one_says_too_late()
    {
        var sent = $$"""{"onderwerp":"Voorlopige jaarstukken: Jaarrekening 2026","ontvangers":12,"termijn":"{{Deadline}}"}""";
        var missed = $$"""{"onderwerp":"Voorlopige jaarstukken: Jaarrekening 2026","termijn":"{{Deadline}}"}""";

        $"{ProposalLabels.JournalKind("melding")}{ProposalLabels.JournalDetail("melding", JsonNode.Parse(sent)!.AsObject())}"
            .Should().Be($"Melding verstuurd – Voorlopige jaarstukken: Jaarrekening 2026 ({Deadline})");
        $"{ProposalLabels.JournalKind("termijnOverschreden")}{ProposalLabels.JournalDetail("termijnOverschreden", JsonNode.Parse(missed)!.AsObject())}"
            .Should().Be($"Wettelijke termijn overschreden – Voorlopige jaarstukken: Jaarrekening 2026, te laat: {Deadline}");
    }

    [Fact]
    public void A_notification_without_a_legal_last_day_adds_nothing_to_its_line()
    {
        ProposalLabels.JournalDetail("melding", JsonNode.Parse("""{"onderwerp":"Besluit: Preventieakkoord","ontvangers":24}""")!.AsObject()).Should().BeEmpty();
    }

    [Fact]
    public void An_amendment_that_records_a_withdrawn_link_is_headed_as_such_and_one_that_adds_a_document_as_an_amended_proposal()
    {
        var withdrawn = JsonNode.Parse("""{"linkIngetrokken":"Sander Kamps","reden":"Naar een verkeerd adres gestuurd"}""")!.AsObject();
        var document = JsonNode.Parse("""{"stuk":"bijlage.docx","vertrouwelijk":true}""")!.AsObject();

        $"{ProposalLabels.JournalKind("InputAmended", withdrawn)}{ProposalLabels.JournalDetail("InputAmended", withdrawn)}"
            .Should().Be("Persoonlijke link ingetrokken – van Sander Kamps; een nieuwe link is gestuurd. Reden: Naar een verkeerd adres gestuurd");
        $"{ProposalLabels.JournalKind("InputAmended", document)}{ProposalLabels.JournalDetail("InputAmended", document)}"
            .Should().Be("Voorstel aangevuld – stuk toegevoegd: bijlage.docx (vertrouwelijk)");
    }
}
