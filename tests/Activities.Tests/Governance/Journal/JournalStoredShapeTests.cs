using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Activities.Tests.Support;

namespace AdviesRoute.Activities.Tests.Governance.Journal;

/// <summary>
/// The typed journal keeps the stored shape: lines the previous version wrote read back and write the same JSON, every
/// kind reads back as the entry that wrote it, and a line with missing or odd properties still reads as a sentence.
/// </summary>
public sealed partial class JournalStoredShapeTests
{
    private static readonly JournalReading Reading = new(ActivityServices.Demo(ActivityServices.Deadlines()));

    /// <summary>Lines as the previous version stored them (copied from the fixture database Fixtures/StoredBefore12).</summary>
    public static TheoryData<string, string?, string> StoredLines() => new()
    {
        { "stem", "positief", """{"lid":"m001","naam":"Anneke Bakker","zetel":"m001","opvolger":null,"plaatsvervanger":false,"eerdereKeuze":null,"namens":null,"toelichting":null}""" },
        { "stem", "negatief", """{"lid":"m003","naam":"Carla Zijlstra","zetel":"m003","opvolger":null,"plaatsvervanger":false,"eerdereKeuze":null,"namens":null,"toelichting":"Eerst de kosten voor de gemeenten in beeld."}""" },
        { "antwoord", "positiefMetKanttekeningen", """{"orgaan":"raad-assen","naam":"Gemeenteraad Assen","door":"Bianca Visser","eerderAntwoord":null}""" },
        { "vergaderingUitkomst", "aangehouden", """{"vergadering":"db-2027-01-20","uitleg":null,"toelichting":"Eerst de tarieven van de buurregio\u0027s vergelijken."}""" },
        { "voorbereiding", "herzien", """{"toelichting":"De visie eerst afstemmen met de GGD-regio\u0027s in het noorden."}""" },
        { "melding", null, """{"onderwerp":"Besluit algemeen bestuur: Achtmaandsrapportage 2026","ontvangers":24,"termijn":null}""" },
        { "rondeGestart", null, """{"aantal":12,"termijn":"uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)"}""" },
        { "schriftelijkeRonde", null, """{"orgaan":"bac-pg","leden":12,"termijn":"uiterlijk 15 februari 2027 (reglement van orde: schriftelijke ronde van 3 weken)","ronde":1}""" },
        { "geagendeerd", "geagendeerd", """{"vergadering":{"id":"db-2026-11-18","orgaan":"db","orgaanNaam":"Dagelijks bestuur","datum":"2026-11-18","tijd":"10:00","plaats":"Kantoor SamenDrenthe, Assen","stukken":{"datum":"2026-11-04","moment":"2026-11-04T23:59:00+01:00","regel":"stukken 10 werkdagen v\u00F3\u00F3r de vergadering","artikel":"reglement van orde","verschuiving":null,"tekst":"uiterlijk 4 november 2026 (reglement van orde: stukken 10 werkdagen v\u00F3\u00F3r de vergadering)"},"agendadeel":null}}""" },
        { "inVergadering", null, """{"vergadering":{"id":"db-2026-11-18","orgaan":"db","orgaanNaam":"Dagelijks bestuur","datum":"2026-11-18","tijd":"10:00","plaats":"Kantoor SamenDrenthe, Assen","stukken":{"datum":"2026-11-04","moment":"2026-11-04T23:59:00+01:00","regel":"stukken 10 werkdagen v\u00F3\u00F3r de vergadering","artikel":"reglement van orde","verschuiving":null,"tekst":"uiterlijk 4 november 2026 (reglement van orde: stukken 10 werkdagen v\u00F3\u00F3r de vergadering)"},"agendadeel":null}}""" },
    };

    [Theory]
    [MemberData(nameof(StoredLines))]
    public void A_line_stored_by_the_previous_version_reads_back_and_writes_the_same_json(string kind, string? outcome, string stored)
    {
        var entry = GovernanceJournal.Read(kind, outcome, JsonNode.Parse(stored)!.AsObject());

        entry.Should().NotBeNull();
        entry!.Kind.Should().Be(kind);
        entry.Outcome.Should().Be(outcome);
        entry.ToData().ToJsonString().Should().Be(stored);
        Codes(entry.Sentence(Reading)).Should().BeEmpty();
    }

    /// <summary>One entry of every kind and form the activities write.</summary>
    private static IEnumerable<GovernanceJournalEntry> Samples()
    {
        var meeting = new JournalMeeting("db-2027-02-10", "db", "Dagelijks bestuur", new DateOnly(2027, 2, 10), "10:00", "Kantoor SamenDrenthe, Assen",
            new JournalDeadline(new DateOnly(2027, 1, 27), new DateTimeOffset(2027, 1, 27, 23, 59, 0, TimeSpan.FromHours(1)), "stukken 10 werkdagen vóór de vergadering",
                "reglement van orde", null, "uiterlijk 27 januari 2027 (reglement van orde: stukken 10 werkdagen vóór de vergadering)"), "Publieke Gezondheid");
        const string deadline = "uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)";
        return
        [
            new AntwoordGegeven("positiefMetKanttekeningen", "raad-assen", "Gemeenteraad Assen", "J. de Vries", "negatief", new JournalNamens("j.devries@example.org", "per mail ontvangen")),
            new AntwoordGegeven("instemming", "college-assen", "College van B&W Assen", "Pieter de Wit", null),
            new Geagendeerd(meeting),
            new GeenVergadering("Er staat geen vergadering van Dagelijks bestuur meer op de jaarkalender waarvoor de stukken nog op tijd kunnen zijn."),
            new HerinneringVerstuurd(4),
            new MeldingVerstuurd("Voorlopige jaarstukken", 12, "uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)"),
            new NaarVergadering("Schriftelijk geen besluit (De stemmen staken: 2 voor, 2 tegen, 1 onthouding (leden).); het voorstel gaat naar de vergadering."),
            new NazorgGereed("Verzonden."),
            new NazorgGestart("De begroting toezenden aan Gedeputeerde Staten", deadline),
            new NietBehandeld("Voor de vergadering van Dagelijks bestuur van 20 januari 2027 is geen uitkomst vastgelegd.", "db-2027-02-10"),
            new OpDeAgenda(meeting),
            new ReactieOpZienswijze("raad-assen", "Gemeenteraad Assen"),
            new ReactiesVerzonden(3, 9),
            new RondeGestart(12, deadline),
            new SchriftelijkeRondeGestart("bac-pg", 12, deadline, 2),
            new StemUitgebracht("positiefMetKanttekeningen", "m032", "Otto Jansen", "m031", null, true, "negatief", new JournalNamens("a.secretaris@example.org", "telefonisch"), "Met zorg."),
            new TermijnOverschreden("Voorlopige jaarstukken", deadline),
            new TermijnVerstreken.ZonderAntwoord("geenReactie", "college-emmen", "College van B&W Emmen"),
            new TermijnVerstreken.RondeOpen("escaleren", "Sander Kamps"),
            new TermijnVerstreken.NazorgOpen(null, deadline),
            new TerugkoppelingGesloten("instemming", "12 van de 12 colleges stemmen in, 0 hebben bedenkingen, 0 reageerden niet."),
            new UitslagVastgesteld(VoteResult.Staken, "De stemmen staken: 2 voor, 2 tegen, 1 onthouding (leden).", TermijnVerstreken: false),
            new VergaderingOvergeslagen("Vergadering van Dagelijks bestuur op 20 januari 2027 gemist: de stukken moesten er uiterlijk op 6 januari 2027 zijn."),
            new VergaderingUitkomst("gewijzigdVastgesteld", "db-2027-01-20", null, "Met amendement."),
            new Verplaatst("db-2027-01-20", "db-2027-02-10", new DateOnly(2027, 2, 10), "Later.", NaStukkentermijn: false),
            new VoorbereidingAfgerond("gereed", null),
            new ZienswijzenOntvangen(3, 9),
        ];
    }

    private static string NameOf(GovernanceJournalEntry sample) => $"{sample.GetType().Name}.{sample.Outcome}";

    public static TheoryData<string> SampleNames() => [.. Samples().Select(NameOf)];

    [Fact]
    public void The_samples_cover_every_kind_the_activities_write()
    {
        Samples().Select(s => s.Kind).Distinct().Should().BeEquivalentTo(GovernanceJournal.Kinds);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_kind_reads_back_from_its_stored_json_as_the_entry_that_wrote_it(string name)
    {
        var written = Samples().Single(s => NameOf(s) == name);
        var stored = JsonNode.Parse(written.ToData().ToJsonString())!.AsObject();

        var read = GovernanceJournal.Read(written.Kind, written.Outcome, stored);

        read.Should().Be(written);
        Codes(read!.Sentence(Reading)).Should().BeEmpty("a person never reads a code, an ISO date or an ISO duration");
    }

    [Fact]
    public void A_line_without_data_or_with_properties_of_another_type_still_reads_as_a_sentence()
    {
        var odd = JsonNode.Parse("""{"aantal":"drie","leden":true,"vergadering":12,"namens":"ja","datum":"morgen","orgaan":7,"plaatsvervanger":"nee","nietGekozen":[]}""")!.AsObject();
        foreach (var kind in GovernanceJournal.Kinds)
        {
            foreach (var (outcome, data) in new (string?, JsonObject?)[] { (null, null), ("ietsNieuws", odd) })
            {
                var sentence = GovernanceJournal.Read(kind, outcome, data)!.Sentence(Reading);
                sentence.Should().NotBeNullOrWhiteSpace(kind);
                Codes(sentence).Should().BeEmpty(kind);
            }
        }
    }

    [Fact]
    public void A_kind_no_governance_activity_writes_is_not_read_as_one()
    {
        GovernanceJournal.Read("ActivityCompleted", "Done", null).Should().BeNull();
        GovernanceJournal.Read("besluitGenomen", null, null).Should().BeNull();
    }

    /// <summary>What a person must not read: a camelCase code, an ISO date or an ISO duration.</summary>
    internal static IReadOnlyList<string> Codes(string text) =>
        [.. CodePattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\bP\d+[YMWD]\b|\bP?T\d+[HMS]\b")]
    private static partial Regex CodePattern();
}
