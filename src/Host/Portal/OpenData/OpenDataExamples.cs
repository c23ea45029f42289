namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// The examples in the OpenAPI document: an AB meeting of 14 April 2027 with the ontwerpbegroting. Fictional, on an
/// example address; the tests check each against the schema the document gives for it.
/// </summary>
internal static class OpenDataExamples
{
    private const string Site = "https://adviesroute.example.org";
    private const string Api = Site + OpenDataApi.BasePath;

    private static readonly DateTimeOffset AgendaPublished = new(2027, 3, 31, 9, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BesluitenlijstPublished = new(2027, 7, 1, 14, 3, 0, TimeSpan.Zero);

    public static object Index() => new OpenDataIndex(
        "Open data van Gemeenschappelijke regeling SamenDrenthe",
        "De openbare agenda's, stukken en besluitenlijsten van de organen van de GR, zoals het openbare portaal ze toont.",
        new OpenDataLicence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
        Site + OpenDataApi.PagePath, Site + OpenDataApi.DocumentPath, Api + "/organen", Api + "/publicaties");

    public static object Bodies() => new OpenDataBodyList(
    [
        new OpenDataBody("ab", "Algemeen bestuur", true, true, Api + "/organen/ab/vergaderingen", Site + "/openbaar/organen/ab"),
        new OpenDataBody("db", "Dagelijks bestuur", false, true, Api + "/organen/db/vergaderingen", Site + "/openbaar/organen/db"),
    ]);

    public static object Meetings() => new OpenDataMeetingPage("ab", "Algemeen bestuur",
    [
        new OpenDataMeetingSummary("ab-2027-07-07", "ab", "Algemeen bestuur", new DateOnly(2027, 7, 7), new TimeOnly(19, 30), "Kantoor SamenDrenthe, Assen",
            null, null, Api + "/vergaderingen/ab-2027-07-07", Site + "/openbaar/vergaderingen/ab-2027-07-07"),
        Summary(),
    ], 1, 20, 2, 1, null, null);

    public static object Meeting() => new OpenDataMeeting("ab-2027-04-14", "ab", "Algemeen bestuur", new DateOnly(2027, 4, 14), new TimeOnly(19, 30),
        "Kantoor SamenDrenthe, Assen", AgendaPublished, BesluitenlijstPublished,
        [
            new OpenDataAgendaItem(1, "Opening", "vast punt", null, [], []),
            new OpenDataAgendaItem(6, "Ontwerpbegroting 2028", "bespreekstuk", "5f0c2a9e4b7d4c1e9a3f6b2d8e1c7a40",
                ["De begroting 2028 vast te stellen.", "De zienswijzen van de raden te betrekken bij de vaststelling."], [Stuk()]),
        ],
        [
            new OpenDataDecision(6, "Ontwerpbegroting 2028", ["De begroting 2028 vast te stellen.", "De zienswijzen van de raden te betrekken bij de vaststelling."],
                "vastgesteld", "Aangenomen met meerderheid van de uitgebrachte stemmen: 10 voor, 2 tegen, 0 onthouding (leden).", [Stuk()]),
        ],
        "Vastgesteld in de vergadering van 1 juli 2027.",
        Site + "/openbaar/vergaderingen/ab-2027-04-14",
        Site + "/openbaar/vergaderingen/ab-2027-04-14/agenda.pdf",
        Site + "/openbaar/vergaderingen/ab-2027-04-14/besluitenlijst.pdf",
        [new OpenDataWithdrawal("stuk", "Bijlage 2 bij de begroting.pdf", "4e6a8c0b1d3f5a7e9c2b3c7e1a9b5d2f", new DateTimeOffset(2027, 4, 20, 8, 15, 0, TimeSpan.Zero),
            "Er stonden persoonsgegevens in de bijlage.")]);

    public static object Document() => Stuk();

    private static OpenDataDocument Stuk() => new OpenDataDocument("9b1d3f5a7c2e4a6b8d0f1a3c5e7b9d2f", "Ontwerpbegroting 2028.pdf", "vergaderstuk", "application/pdf", 482_113,
        "ab", "Algemeen bestuur", "ab-2027-04-14", new DateOnly(2027, 4, 14), "5f0c2a9e4b7d4c1e9a3f6b2d8e1c7a40", "Ontwerpbegroting 2028",
        "vergaderstukken decentrale overheden", AgendaPublished,
        Site + "/openbaar/stukken/9b1d3f5a7c2e4a6b8d0f1a3c5e7b9d2f/Ontwerpbegroting%202028.pdf", Api + "/stukken/9b1d3f5a7c2e4a6b8d0f1a3c5e7b9d2f");

    public static object Publications() => new OpenDataPublicationList(
    [
        new OpenDataPublication("3c7e1a9b5d2f4e6a8c0b1d3f5a7e9c2b", "besluitenlijst", "ab-2027-04-14", "Besluitenlijst algemeen bestuur 14 april 2027",
            "De vastgestelde besluitenlijst van de vergadering van het algemeen bestuur van 14 april 2027.", BesluitenlijstPublished,
            Site + "/openbaar/vergaderingen/ab-2027-04-14", Api + "/vergaderingen/ab-2027-04-14"),
        new OpenDataPublication("8a2c4e6b0d1f3a5c7e9b2d4f6a8c0e1d", "agenda", "ab-2027-04-14", "Agenda algemeen bestuur 14 april 2027",
            "De agenda en de openbare stukken van de vergadering van het algemeen bestuur van 14 april 2027.", AgendaPublished,
            Site + "/openbaar/vergaderingen/ab-2027-04-14", Api + "/vergaderingen/ab-2027-04-14"),
    ]);

    private static OpenDataMeetingSummary Summary() => new("ab-2027-04-14", "ab", "Algemeen bestuur", new DateOnly(2027, 4, 14), new TimeOnly(19, 30),
        "Kantoor SamenDrenthe, Assen", AgendaPublished, BesluitenlijstPublished, Api + "/vergaderingen/ab-2027-04-14", Site + "/openbaar/vergaderingen/ab-2027-04-14");
}
