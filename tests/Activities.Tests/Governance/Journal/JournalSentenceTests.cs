using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Activities.Tests.Support;

namespace AdviesRoute.Activities.Tests.Governance.Journal;

/// <summary>
/// Each kind of governance journal line reads as a Dutch sentence that names who acted and for whom, with choices,
/// outcomes and days in words. Names come from the demo governance model and jaarkalender.
/// </summary>
public sealed class JournalSentenceTests
{
    private static readonly JournalReading Reading = new(ActivityServices.Demo(ActivityServices.Deadlines()));

    private static string Read(GovernanceJournalEntry entry, string? activityType = null) => entry.Sentence(Reading.For(activityType));

    [Fact]
    public void A_zienswijze_recorded_on_behalf_of_a_council_names_the_council_its_answer_and_who_recorded_it_for_the_council()
    {
        var answer = new AntwoordGegeven("positiefMetKanttekeningen", "raad-assen", "Gemeenteraad Assen", "J. de Vries", null,
            new JournalNamens("J. de Vries", "per mail ontvangen"));

        Read(answer).Should().Be("Gemeenteraad Assen: zienswijze positief met kanttekeningen; vastgelegd door J. de Vries namens de raad, reden: per mail ontvangen");
    }

    [Fact]
    public void A_zienswijze_given_by_link_names_the_council_member_who_gave_it()
    {
        Read(new AntwoordGegeven("geenZienswijze", "raad-emmen", "Gemeenteraad Emmen", "Koen Venema", null))
            .Should().Be("Gemeenteraad Emmen: geen zienswijze; doorgegeven door Koen Venema");
        Read(new AntwoordGegeven("negatief", "raad-tynaarlo", "Gemeenteraad Tynaarlo", "Mirjam Dijkstra", "positief"))
            .Should().Be("Gemeenteraad Tynaarlo: zienswijze negatief; doorgegeven door Mirjam Dijkstra; gewijzigd, eerder zienswijze positief");
    }

    [Fact]
    public void A_college_answer_reads_as_instemming_or_bedenkingen_and_on_behalf_of_the_college()
    {
        Read(new AntwoordGegeven("bedenkingen", "college-emmen", "College van B&W Emmen", null, null, new JournalNamens("a.secretaris@example.org", "telefonisch")))
            .Should().Be("College van B&W Emmen: heeft bedenkingen; vastgelegd door a.secretaris@example.org namens het college, reden: telefonisch");
        Read(new AntwoordGegeven("instemming", "college-assen", "College van B&W Assen", "Pieter de Wit", null))
            .Should().Be("College van B&W Assen: stemt in; doorgegeven door Pieter de Wit");
    }

    [Fact]
    public void A_vote_names_the_member_and_the_choice_in_words_with_the_remark()
    {
        Read(new StemUitgebracht("positiefMetKanttekeningen", "m021", "Arjen Huisman", "m021", null, false, null, null, "Graag aandacht voor ouderen."))
            .Should().Be("Arjen Huisman: advies positief met kanttekeningen; toelichting: Graag aandacht voor ouderen");
        Read(new StemUitgebracht("voor", "m063", "Roos Zijlstra", "m063", null, false, null, null, null)).Should().Be("Roos Zijlstra: stem voor");
        Read(new StemUitgebracht("onthouding", "m063", "Roos Zijlstra", "m063", null, false, "tegen", null, null))
            .Should().Be("Roos Zijlstra: onthouding; gewijzigd, eerder stem tegen");
    }

    [Fact]
    public void A_vote_recorded_on_behalf_of_a_member_names_who_recorded_it_for_whom_and_why()
    {
        var vote = new StemUitgebracht("tegen", "m065", "Tineke Uneken", "m065", null, false, null,
            new JournalNamens("a.secretaris@example.org", "Telefonisch doorgegeven op 6 oktober."), null);

        Read(vote).Should().Be("Tineke Uneken: stem tegen; vastgelegd door a.secretaris@example.org namens Tineke Uneken, reden: Telefonisch doorgegeven op 6 oktober");
    }

    [Fact]
    public void A_vote_by_a_successor_names_the_member_whose_seat_it_was()
    {
        // Sander Kamps's term ended; Marit de Boer holds his seat and votes on his request.
        Read(new StemUitgebracht("tegen", "m200", "Marit de Boer", "m064", "Marit de Boer", false, null, null, null))
            .Should().Be("Marit de Boer, opvolger van Sander Kamps: stem tegen");
    }

    [Fact]
    public void A_vote_by_a_substitute_names_the_member_they_stand_in_for()
    {
        Read(new StemUitgebracht("voor", "m032", "Otto Jansen", "m031", null, true, null, null, null))
            .Should().Be("Otto Jansen, plaatsvervanger van Nathalie Bakker: stem voor");
        Read(new StemUitgebracht("voor", "m201", "Kees Bos", "m064", "Marit de Boer", true, null, null, null))
            .Should().Be("Kees Bos, plaatsvervanger van Marit de Boer: stem voor", "the substitute stands in for the successor who holds the seat now");
    }

    [Fact]
    public void A_meeting_outcome_names_the_body_and_the_meeting_day_and_the_outcome_in_words()
    {
        Read(new VergaderingUitkomst("gewijzigdVastgesteld", "db-2027-01-20", null, "Met het amendement van Assen."))
            .Should().Be("Dagelijks bestuur in de vergadering van 20 januari 2027: gewijzigd vastgesteld; toelichting: Met het amendement van Assen");
        Read(new VergaderingUitkomst("positiefMetKanttekeningen", "bac-zv-2027-02-24", null, null))
            .Should().Be("BAC Zorg en Veiligheid in de vergadering van 24 februari 2027: advies positief met kanttekeningen");
        Read(new VergaderingUitkomst("vastgesteld", "db-2027-01-20", "Aangenomen met meerderheid van de uitgebrachte stemmen: 4 voor, 1 tegen, 0 onthouding (leden).", null))
            .Should().Be("Dagelijks bestuur in de vergadering van 20 januari 2027: vastgesteld; aangenomen met meerderheid van de uitgebrachte stemmen: 4 voor, 1 tegen, 0 onthouding (leden)");
        new VergaderingUitkomst("gewijzigdVastgesteld", "db-2027-01-20", null, null).OutcomeWords.Should().Be("gewijzigd vastgesteld");
    }

    [Fact]
    public void Agenda_lines_name_the_meeting_with_its_day_in_words()
    {
        var meeting = new JournalMeeting("db-2027-02-10", "db", "Dagelijks bestuur", new DateOnly(2027, 2, 10), "10:00", "Kantoor SamenDrenthe, Assen",
            new JournalDeadline(new DateOnly(2027, 1, 27), null, "stukken 10 werkdagen vóór de vergadering", "reglement van orde", null,
                "uiterlijk 27 januari 2027 (reglement van orde: stukken 10 werkdagen vóór de vergadering)"), null);

        Read(new Geagendeerd(meeting)).Should().Be(
            "Geagendeerd voor de vergadering van Dagelijks bestuur op 10 februari 2027; stukken uiterlijk 27 januari 2027 (reglement van orde: stukken 10 werkdagen vóór de vergadering)");
        Read(new OpDeAgenda(meeting with { Agendadeel = "Publieke Gezondheid" })).Should().Be(
            "Op de agenda van de vergadering van Dagelijks bestuur op 10 februari 2027 om 10:00 in Kantoor SamenDrenthe, Assen (agendadeel Publieke Gezondheid)");
        Read(new Verplaatst("db-2027-01-20", "db-2027-02-10", new DateOnly(2027, 2, 10), "De zienswijze van de ondernemingsraad komt later.", NaStukkentermijn: true))
            .Should().Be("Verplaatst naar de vergadering van Dagelijks bestuur op 10 februari 2027; reden: De zienswijze van de ondernemingsraad komt later; de stukken komen na de stukkentermijn");
        Read(new NietBehandeld("Voor de vergadering van Dagelijks bestuur van 20 januari 2027 is geen uitkomst vastgelegd; het voorstel schuift door naar de volgende vergadering.", "db-2027-02-10"))
            .Should().Be("Voor de vergadering van Dagelijks bestuur van 20 januari 2027 is geen uitkomst vastgelegd; het voorstel schuift door naar de volgende vergadering; de volgende is op 10 februari 2027");
    }

    [Fact]
    public void A_written_round_reads_from_its_start_through_its_count()
    {
        Read(new SchriftelijkeRondeGestart("bac-pg", 12, "uiterlijk 15 februari 2027 (reglement van orde: schriftelijke ronde van 3 weken)", 1))
            .Should().Be("Schriftelijke ronde van BAC Publieke Gezondheid gestart: 12 leden gevraagd; uiterlijk 15 februari 2027 (reglement van orde: schriftelijke ronde van 3 weken)");
        Read(new SchriftelijkeRondeGestart("db", 1, null, 2)).Should().Be("Schriftelijke ronde 2 van Dagelijks bestuur gestart: 1 lid gevraagd");
        Read(new HerinneringVerstuurd(3)).Should().Be("Herinnering gestuurd aan 3 ontvangers die nog niet antwoordden");
        Read(new HerinneringVerstuurd(1)).Should().Be("Herinnering gestuurd aan 1 ontvanger die nog niet antwoordde");
        Read(new UitslagVastgesteld(VoteResult.GeenQuorum, "Geen quorum: 2 van 5 (leden) namen deel; nodig is meer dan 2,5.", TermijnVerstreken: true))
            .Should().Be("Uitslag van de schriftelijke ronde: geen quorum: 2 van 5 (leden) namen deel; nodig is meer dan 2,5; geteld na het verstrijken van de termijn");
        Read(new TermijnVerstreken.RondeOpen("achterstallig", "Sander Kamps, Tineke Uneken"))
            .Should().Be("Termijn van de schriftelijke ronde verstreken; nog niet gekozen: Sander Kamps, Tineke Uneken; de ronde blijft open en het voorstel staat als achterstallig gemarkeerd");
    }

    [Fact]
    public void A_round_of_the_municipalities_reads_from_its_start_to_its_close()
    {
        Read(new RondeGestart(12, "uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)"), "Zienswijzenronde")
            .Should().Be("Zienswijze gevraagd aan 12 gemeenteraden; uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)");
        Read(new RondeGestart(12, null), "TerugkoppelingColleges").Should().Be("Terugkoppeling gevraagd aan 12 colleges van B en W");
        Read(new TermijnVerstreken.ZonderAntwoord("geenZienswijze", "raad-meppel", "Gemeenteraad Meppel"))
            .Should().Be("Gemeenteraad Meppel: geen antwoord voor het einde van de termijn, vastgelegd als geen zienswijze");
        Read(new ZienswijzenOntvangen(1, 11)).Should().Be("Zienswijzenronde gesloten: 1 zienswijze ontvangen, 11 raden zonder zienswijze");
        Read(new ReactieOpZienswijze("raad-assen", "Gemeenteraad Assen")).Should().Be("Reactie van het bestuur op de zienswijze van Gemeenteraad Assen vastgelegd");
        Read(new ReactiesVerzonden(3, 9)).Should().Be(
            "Reacties van het bestuur op de zienswijzen verzonden (art. 35 lid 3 Wgr): 3 raden hun eigen zienswijze met de reactie, 9 raden zonder zienswijze een bericht met de zienswijzennota");
        Read(new TerugkoppelingGesloten("bedenkingen", "10 van de 12 colleges stemmen in, 2 hebben bedenkingen, 0 reageerden niet."))
            .Should().Be("Terugkoppeling van de colleges gesloten: er zijn bedenkingen; 10 van de 12 colleges stemmen in, 2 hebben bedenkingen, 0 reageerden niet");
    }

    [Fact]
    public void Preparation_notifications_and_follow_up_read_in_words()
    {
        const string deadline = "uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)";
        Read(new VoorbereidingAfgerond("herzien", "Eerst afstemmen met de GGD-regio's.")).Should().Be("Ambtelijke voorbereiding: het voorstel moet worden herzien; toelichting: Eerst afstemmen met de GGD-regio's");
        Read(new VoorbereidingAfgerond("gereed", null)).Should().Be("Ambtelijke voorbereiding gereed");
        Read(new MeldingVerstuurd("Voorlopige jaarstukken: Jaarrekening 2026", 12, deadline))
            .Should().Be($"Melding verstuurd aan 12 ontvangers: Voorlopige jaarstukken: Jaarrekening 2026; wettelijke termijn: {deadline}");
        Read(new MeldingVerstuurd("Besluit: Preventieakkoord", 24, null)).Should().Be("Melding verstuurd aan 24 ontvangers: Besluit: Preventieakkoord");
        Read(new MeldingVerstuurd("Besluit: Preventieakkoord", 0, null) { Opmerking = "niet aan de portefeuillehouder verstuurd: het voorstel noemt geen portefeuillehouder" })
            .Should().Be("Melding niet verstuurd: Besluit: Preventieakkoord; niet aan de portefeuillehouder verstuurd: het voorstel noemt geen portefeuillehouder");
        Read(new TermijnOverschreden("Voorlopige jaarstukken: Jaarrekening 2026", deadline))
            .Should().Be($"Wettelijke termijn overschreden: Voorlopige jaarstukken: Jaarrekening 2026 is te laat verzonden; de termijn was {deadline}");
        Read(new NazorgGestart("De begroting toezenden aan Gedeputeerde Staten", "uiterlijk 14 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)"))
            .Should().Be("Nazorgtaak: De begroting toezenden aan Gedeputeerde Staten; uiterlijk 14 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)");
        Read(new TermijnVerstreken.NazorgOpen("De begroting toezenden aan Gedeputeerde Staten", "uiterlijk 14 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)"))
            .Should().Be("Termijn verstreken, de nazorgtaak is nog niet gereed: De begroting toezenden aan Gedeputeerde Staten; de termijn was uiterlijk 14 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)");
        Read(new NazorgGereed("Verzonden op 3 juli.")).Should().Be("Nazorgtaak gereed gemeld; toelichting: Verzonden op 3 juli");
    }

    [Fact]
    public void A_body_or_meeting_no_longer_known_is_left_out_of_the_sentence_never_shown_as_its_id()
    {
        Read(new SchriftelijkeRondeGestart("bac-opgeheven", 5, null, 1)).Should().Be("Schriftelijke ronde gestart: 5 leden gevraagd");
        Read(new VergaderingUitkomst("aangehouden", "db-1999-01-01", null, null)).Should().Be("In de vergadering: aangehouden");
        Read(new AntwoordGegeven("positief", "raad-opgeheven", null, null, null, new JournalNamens(null, "per brief")))
            .Should().Be("Een orgaan: zienswijze positief; vastgelegd namens de raad, reden: per brief");
    }
}
