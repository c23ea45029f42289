using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>The open-data document's title, description in Dutch, licence (as the GR configured it) and tags.</summary>
internal sealed class OpenDataDocumentInfo(IOptions<OpenDataOptions> options, IOptions<PortalOptions> portal) : IOpenApiDocumentTransformer
{
    /// <summary>The tags, in the order a reader meets them, each with what it holds.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Tags =
    [
        ("Algemeen", "Waar de API begint: licentie, documentatie en de adressen van de lijsten."),
        ("Organen", "De organen van de GR die iets openbaar maken."),
        ("Vergaderingen", "Vergaderingen met hun openbare agenda, stukken en besluitenlijst."),
        ("Stukken", "Eén openbaar stuk: titel, soort, orgaan, vergadering, datum, informatiecategorie van de Woo, grootte en downloadadres."),
        ("Publicaties", "Wat het laatst openbaar is gemaakt."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        document.Info.Title = $"Open data van {portal.Value.Name}";
        document.Info.Version = OpenDataApi.Version;
        document.Info.Description =
            "Alles wat het openbare portaal toont, als JSON: de organen, hun vergaderingen, de openbare agenda met stukken vanaf het " +
            "versturen van de convocatie, de besluitenlijst zodra die is vastgesteld, en de nieuwste publicaties. Besloten en " +
            "vertrouwelijke onderwerpen, stukken die voor één orgaan bedoeld zijn, toelichtingen en stemmen per lid staan er nooit in; " +
            "wat is teruggetrokken verdwijnt.\n\n" +
            "Iedereen mag de API gebruiken, zonder aanmelden of sleutel. Alleen lezen (GET). " +
            $"Per adres beantwoordt de API {settings.RequestsPerMinute} verzoeken per minuut; daarboven volgt 429 met Retry-After. " +
            "Elk antwoord heeft een ETag; stuur die terug in If-None-Match en u krijgt 304 zolang er niets veranderde. " +
            "Fouten zijn problem details (RFC 9457) met een Nederlandse uitleg: 400 noemt de parameter die niet klopt, 404 zegt dat er " +
            "geen openbaar gegeven met dat kenmerk is.\n\n" +
            "Datums zijn JJJJ-MM-DD; tijdstippen van publicatie zijn UTC (ISO 8601). Elk stuk noemt zijn informatiecategorie van de " +
            "Wet open overheid (artikel 3.3, tweede lid).\n\n" +
            $"Licentie van de gegevens: {settings.Licence}, zoals de GR die heeft gekozen. Uitleg in gewone taal: {OpenDataApi.PagePath}.";
        document.Info.License = new OpenApiLicense { Name = settings.Licence, Url = new Uri(settings.LicenceUrl) };
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        return Task.CompletedTask;
    }
}
