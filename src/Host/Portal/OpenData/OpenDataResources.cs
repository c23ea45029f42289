using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AdviesRoute.Host.Portal.OpenData;

// What the open-data API answers. Property names follow the rest of the JSON API (camelCase English, see ADR 0037);
// texts, values and the descriptions below are Dutch. Every address is absolute, on Links:PublicBaseUrl.

/// <summary>An answer that knows when its content was last published (sent as Last-Modified).</summary>
public interface IPublishedResource
{
    [JsonIgnore]
    DateTimeOffset? LastPublishedAt { get; }
}

[Description("De licentie waaronder de GR de gegevens beschikbaar stelt, zoals de GR die heeft ingesteld.")]
public sealed record OpenDataLicence(
    [property: Description("De naam van de licentie, bijvoorbeeld CC0 1.0.")] string Name,
    [property: Description("Waar de tekst van de licentie staat.")] string Url);

[Description("Het beginpunt van de API.")]
public sealed record OpenDataIndex(
    [property: Description("Wiens gegevens dit zijn.")] string Title,
    [property: Description("Wat de API biedt.")] string Description,
    [property: Description("De licentie van de gegevens.")] OpenDataLicence Licence,
    [property: Description("De uitleg voor mensen: de pagina Open data op het portaal.")] string Documentation,
    [property: Description("Het OpenAPI-document van deze API.")] string OpenApi,
    [property: Description("De lijst van organen.")] string Bodies,
    [property: Description("De nieuwste publicaties.")] string Publications);

[Description("De organen die iets openbaar maken, in de volgorde van het bestuursmodel.")]
public sealed record OpenDataBodyList(
    [property: Description("De organen.")] IReadOnlyList<OpenDataBody> Items);

[Description("Een orgaan van de GR dat iets openbaar maakt.")]
public sealed record OpenDataBody(
    [property: Description("Het kenmerk van het orgaan, bijvoorbeeld ab.")] string Id,
    [property: Description("De naam, bijvoorbeeld Algemeen bestuur.")] string Name,
    [property: Description("Of het orgaan de agenda en de openbare stukken van zijn vergaderingen publiceert.")] bool PublishesAgenda,
    [property: Description("Of het orgaan zijn vastgestelde besluitenlijsten publiceert.")] bool PublishesBesluitenlijst,
    [property: Description("De vergaderingen van het orgaan in deze API.")] string Meetings,
    [property: Description("De pagina van het orgaan op het openbare portaal.")] string Portal);

[Description("Eén pagina vergaderingen van een orgaan, nieuwste eerst.")]
public sealed record OpenDataMeetingPage(
    [property: Description("Het kenmerk van het orgaan.")] string BodyId,
    [property: Description("De naam van het orgaan.")] string BodyName,
    [property: Description("De vergaderingen op deze pagina.")] IReadOnlyList<OpenDataMeetingSummary> Items,
    [property: Description("Het nummer van deze pagina, vanaf 1.")] int Page,
    [property: Description("Hoeveel vergaderingen een pagina ten hoogste telt.")] int PageSize,
    [property: Description("Hoeveel vergaderingen aan het filter voldoen, op alle pagina's samen.")] int TotalItems,
    [property: Description("Hoeveel pagina's er zijn.")] int TotalPages,
    [property: Description("De volgende pagina, of null op de laatste.")] string? Next,
    [property: Description("De vorige pagina, of null op de eerste.")] string? Previous);

[Description("Een vergadering in een lijst: wanneer en waar, en wat er al openbaar is.")]
public sealed record OpenDataMeetingSummary(
    [property: Description("Het kenmerk van de vergadering, bijvoorbeeld ab-2027-04-14.")] string Id,
    [property: Description("Het kenmerk van het orgaan.")] string BodyId,
    [property: Description("De naam van het orgaan.")] string BodyName,
    [property: Description("De dag van de vergadering.")] DateOnly Date,
    [property: Description("Het aanvangstijdstip (Nederlandse tijd).")] TimeOnly Time,
    [property: Description("Waar de vergadering is.")] string Place,
    [property: Description("Wanneer de agenda en de openbare stukken openbaar werden (UTC); null zolang dat niet zo is.")] DateTimeOffset? AgendaPublishedAt,
    [property: Description("Wanneer de vastgestelde besluitenlijst openbaar werd (UTC); null zolang dat niet zo is.")] DateTimeOffset? BesluitenlijstPublishedAt,
    [property: Description("De vergadering in deze API.")] string Self,
    [property: Description("De vergadering op het openbare portaal.")] string Portal);

[Description("Een vergadering met wat er openbaar van is: de agenda met stukken en de besluitenlijst.")]
public sealed record OpenDataMeeting(
    [property: Description("Het kenmerk van de vergadering, bijvoorbeeld ab-2027-04-14.")] string Id,
    [property: Description("Het kenmerk van het orgaan.")] string BodyId,
    [property: Description("De naam van het orgaan.")] string BodyName,
    [property: Description("De dag van de vergadering.")] DateOnly Date,
    [property: Description("Het aanvangstijdstip (Nederlandse tijd).")] TimeOnly Time,
    [property: Description("Waar de vergadering is.")] string Place,
    [property: Description("Wanneer de agenda en de openbare stukken openbaar werden (UTC); null zolang dat niet zo is.")] DateTimeOffset? AgendaPublishedAt,
    [property: Description("Wanneer de vastgestelde besluitenlijst openbaar werd (UTC); null zolang dat niet zo is.")] DateTimeOffset? BesluitenlijstPublishedAt,
    [property: Description("De openbare agendapunten; leeg zolang de agenda niet openbaar is.")] IReadOnlyList<OpenDataAgendaItem> Agenda,
    [property: Description("De openbare besluiten; leeg zolang de besluitenlijst niet is vastgesteld en gepubliceerd.")] IReadOnlyList<OpenDataDecision> Besluitenlijst,
    [property: Description("Wanneer en hoe de besluitenlijst werd vastgesteld, of null.")] string? Adoption,
    [property: Description("De vergadering op het openbare portaal.")] string Portal,
    [property: Description("De openbare agenda als PDF, of null zolang die niet openbaar is.")] string? AgendaPdf,
    [property: Description("De openbare besluitenlijst als PDF, of null zolang die niet openbaar is.")] string? BesluitenlijstPdf,
    [property: Description("Wat van deze vergadering openbaar was en is teruggetrokken, met de reden; oudste eerst.")] IReadOnlyList<OpenDataWithdrawal> Withdrawals)
    : IPublishedResource
{
    public DateTimeOffset? LastPublishedAt => BesluitenlijstPublishedAt > AgendaPublishedAt || AgendaPublishedAt is null ? BesluitenlijstPublishedAt : AgendaPublishedAt;
}

[Description("Een openbaar agendapunt.")]
public sealed record OpenDataAgendaItem(
    [property: Description("Het nummer op de agenda.")] int Number,
    [property: Description("De titel van het agendapunt.")] string Title,
    [property: Description("Wat voor punt het is, in woorden (bijvoorbeeld bespreekstuk of hamerstuk).")] string Kind,
    [property: Description("Het kenmerk van het voorstel achter het punt, of null voor een vast punt zonder voorstel.")] string? ProposalId,
    [property: Description("De beslispunten van het voorstel, in volgorde.")] IReadOnlyList<string> DecisionPoints,
    [property: Description("De openbare stukken bij het punt.")] IReadOnlyList<OpenDataDocument> Documents);

[Description("Een besluit op de openbare besluitenlijst.")]
public sealed record OpenDataDecision(
    [property: Description("Het nummer van het agendapunt.")] int Number,
    [property: Description("De titel.")] string Title,
    [property: Description("De beslispunten zoals besloten.")] IReadOnlyList<string> DecisionPoints,
    [property: Description("De uitkomst in woorden, bijvoorbeeld vastgesteld.")] string Outcome,
    [property: Description("De uitslag van de stemming in één zin (zonder stemmen per lid), of null als er niet is gestemd.")] string? Tally,
    [property: Description("De openbare stukken bij het besluit.")] IReadOnlyList<OpenDataDocument> Documents);

[Description("Een openbaar stuk.")]
public sealed record OpenDataDocument(
    [property: Description("Het kenmerk van het stuk.")] string Id,
    [property: Description("De titel van het stuk (de naam van het bestand).")] string Title,
    [property: Description("De soort stuk in woorden, bijvoorbeeld vergaderstuk.")] string Kind,
    [property: Description("Het type inhoud (MIME), bijvoorbeeld application/pdf.")] string ContentType,
    [property: Description("De grootte in bytes.")] long Size,
    [property: Description("Het kenmerk van het orgaan.")] string BodyId,
    [property: Description("De naam van het orgaan.")] string BodyName,
    [property: Description("Het kenmerk van de vergadering.")] string MeetingId,
    [property: Description("De dag van de vergadering.")] DateOnly MeetingDate,
    [property: Description("Het kenmerk van het voorstel waar het stuk bij hoort.")] string ProposalId,
    [property: Description("De titel van dat voorstel.")] string ProposalTitle,
    [property: Description("De informatiecategorie van de Wet open overheid (artikel 3.3, tweede lid), in woorden.")] string WooCategory,
    [property: Description("Wanneer het stuk openbaar werd (UTC).")] DateTimeOffset PublishedAt,
    [property: Description("Het downloadadres op het openbare portaal.")] string Download,
    [property: Description("Het stuk in deze API.")] string Self)
    : IPublishedResource
{
    public DateTimeOffset? LastPublishedAt => PublishedAt;
}

[Description("Iets wat openbaar was en door het secretariaat is teruggetrokken.")]
public sealed record OpenDataWithdrawal(
    [property: Description("agenda, besluitenlijst of stuk.")] string Kind,
    [property: Description("Wat is teruggetrokken, in woorden: de agenda en de openbare stukken, de besluitenlijst, of de naam van het stuk.")] string What,
    [property: Description("Het kenmerk van het stuk, of null voor een agenda of besluitenlijst.")] string? DocumentId,
    [property: Description("Wanneer het is teruggetrokken (UTC).")] DateTimeOffset WithdrawnAt,
    [property: Description("Waarom het is teruggetrokken.")] string Reason);

[Description("De nieuwste publicaties, nieuwste eerst.")]
public sealed record OpenDataPublicationList(
    [property: Description("De publicaties.")] IReadOnlyList<OpenDataPublication> Items);

[Description("Een publicatie: een agenda met stukken, of een besluitenlijst.")]
public sealed record OpenDataPublication(
    [property: Description("Het kenmerk van de publicatie.")] string Id,
    [property: Description("agenda of besluitenlijst.")] string Kind,
    [property: Description("Het kenmerk van de vergadering.")] string MeetingId,
    [property: Description("De titel, zoals op het portaal.")] string Title,
    [property: Description("Een korte samenvatting.")] string Summary,
    [property: Description("Wanneer het openbaar werd (UTC).")] DateTimeOffset PublishedAt,
    [property: Description("De publicatie op het openbare portaal.")] string Portal,
    [property: Description("De vergadering in deze API.")] string Meeting);
