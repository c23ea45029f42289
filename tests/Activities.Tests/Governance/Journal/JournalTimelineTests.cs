using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Governance.Journal;

/// <summary>
/// The timeline reads the engine's own lines too: the proposal's start, end, cancellation and faults for everyone; a
/// step begun or finished, input received, a branch arriving or a retry as technical lines for administrators.
/// </summary>
public sealed class JournalTimelineTests
{
    private static readonly IReadOnlyDictionary<string, string> Steps = new Dictionary<string, string> { ["advies"] = "Advies BAC Publieke Gezondheid" };

    private static TimelineLine Line(string kind, string? activity = null, string? outcome = null, string? data = null, Channel channel = Channel.Page) =>
        JournalTimeline.Lines([new JournalEntry("i1", 7, new DateTimeOffset(2027, 1, 20, 13, 5, 0, TimeSpan.Zero), kind, activity, activity is null ? null : "Advies",
            outcome, "beheer@example.org", channel, null, data is null ? null : JsonNode.Parse(data)!.AsObject())], ActivityServices.Demo(ActivityServices.Deadlines()), Steps)[0];

    [Fact]
    public void The_start_the_end_a_cancellation_and_a_fault_are_for_everyone()
    {
        Line(JournalKinds.InstanceStarted, data: """{"definitionId":"voorstel","version":1}""").Should().Be(
            new TimelineLine(7, new DateTimeOffset(2027, 1, 20, 13, 5, 0, TimeSpan.Zero), "20 januari 2027 om 14:05", "Voorstel gestart", null, "beheer@example.org", "in AdviesRoute", false));
        Line(JournalKinds.InstanceFinished).Sentence.Should().Be("Voorstel afgerond");
        Line(JournalKinds.InstanceCancelled, data: """{"reden":"Ingetrokken."}""").Sentence.Should().Be("Voorstel afgebroken; reden: Ingetrokken");
        var fault = Line(JournalKinds.IncidentCreated, "advies", data: """{"incident":"x1","melding":"De vergadering bestaat niet meer.","type":"System.InvalidOperationException"}""");
        fault.Sentence.Should().Be("Storing bij Advies BAC Publieke Gezondheid: De vergadering bestaat niet meer");
        fault.Technical.Should().BeFalse();
        Line(JournalKinds.InstanceMigrated, data: """{"van":1,"naar":2,"stappen":["advies"]}""").Sentence.Should().Be("Voorstel overgezet naar een nieuwe versie van de route (van versie 1 naar versie 2)");
    }

    [Fact]
    public void A_step_begun_or_finished_input_received_a_branch_arriving_and_a_retry_are_technical_lines_in_words()
    {
        var lines = new[]
        {
            Line(JournalKinds.ActivityStarted, "advies"),
            Line(JournalKinds.ActivityCompleted, "advies", "positiefMetKanttekeningen"),
            Line(JournalKinds.ActivityCompleted, "advies", "Done"),
            Line(JournalKinds.BookmarkResumed, "advies", data: """{"bookmark":"b1","name":"NietBehandeld","input":null}""", channel: Channel.Timer),
            Line(JournalKinds.TokenConsumed, "advies"),
            Line(JournalKinds.IncidentRetried, "advies"),
            Line("eenNieuweSoort", "advies", "gewijzigdVastgesteld"),
        };

        lines.Should().OnlyContain(l => l.Technical);
        lines.Select(l => l.Sentence).Should().Equal(
            "Stap begonnen bij Advies BAC Publieke Gezondheid",
            "Stap afgerond bij Advies BAC Publieke Gezondheid: positief met kanttekeningen",
            "Stap afgerond bij Advies BAC Publieke Gezondheid",
            "Invoer ontvangen bij Advies BAC Publieke Gezondheid (niet behandeld)",
            "Tak aangekomen bij Advies BAC Publieke Gezondheid",
            "Opnieuw geprobeerd bij Advies BAC Publieke Gezondheid",
            "Gebeurtenis een nieuwe soort bij Advies BAC Publieke Gezondheid: gewijzigd vastgesteld");
        lines[3].Channel.Should().Be("na de termijn");
    }

    [Fact]
    public void An_amended_proposal_says_which_document_was_added_or_whose_link_was_withdrawn()
    {
        Line(JournalKinds.InputAmended, data: """{"stuk":"bijlage.docx","id":"d1","vertrouwelijk":true}""").Sentence.Should().Be("Stuk toegevoegd: bijlage.docx (vertrouwelijk)");
        Line(JournalKinds.InputAmended, data: """{"stuk":"notitie.pdf","id":"d2","vertrouwelijk":false,"alleenVoor":"db"}""").Sentence
            .Should().Be("Stuk toegevoegd: notitie.pdf, alleen voor Dagelijks bestuur");
        var withdrawn = Line(JournalKinds.InputAmended, data: """{"linkIngetrokken":"Sander Kamps","activiteit":"besluit","ronde":1,"reden":"Naar een verkeerd adres gestuurd"}""");
        withdrawn.Sentence.Should().Be("Persoonlijke link ingetrokken van Sander Kamps; er is een nieuwe link gestuurd; reden: Naar een verkeerd adres gestuurd");
        withdrawn.Technical.Should().BeFalse();
        Line(JournalKinds.InputAmended, data: """{"samenvatting":"Nieuw"}""").Sentence.Should().Be("Voorstel aangevuld");
    }

    [Fact]
    public void Every_channel_reads_as_how_the_line_came_in()
    {
        Enum.GetValues<Channel>().Select(JournalTimeline.ChannelWords).Should().Equal(
            "via een koppeling", "in AdviesRoute", "via de persoonlijke link", "na de termijn", "automatisch");
    }

    [Fact]
    public void A_governance_line_is_told_by_its_typed_entry_with_the_step_that_wrote_it()
    {
        var line = Line("antwoord", "advies", "positiefMetKanttekeningen", """{"orgaan":"raad-assen","naam":"Gemeenteraad Assen","door":"Bianca Visser","eerderAntwoord":null}""", Channel.Link);

        line.Should().Be(new TimelineLine(7, new DateTimeOffset(2027, 1, 20, 13, 5, 0, TimeSpan.Zero), "20 januari 2027 om 14:05",
            "Gemeenteraad Assen: zienswijze positief met kanttekeningen; doorgegeven door Bianca Visser", "Advies BAC Publieke Gezondheid", "beheer@example.org",
            "via de persoonlijke link", false));
    }
}
