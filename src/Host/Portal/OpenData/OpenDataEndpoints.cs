namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>The open-data endpoints, each with its Dutch summary and description and every answer it can give.</summary>
internal static class OpenDataEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", GetIndex.Handle)
            .WithTags("Algemeen")
            .WithName("OpenbaarBeginpunt")
            .WithSummary("Het beginpunt: licentie, documentatie en de lijsten.")
            .WithDescription("Geeft de licentie waaronder de GR de gegevens beschikbaar stelt, de pagina met uitleg, het OpenAPI-document en de adressen van de lijsten van organen en publicaties.")
            .WithMetadata(new OpenDataExample(OpenDataExamples.Index));

        // Any other address under the API: 404 in the API's own words, not the sign-in answer of the rest of /api.
        api.MapGet("/{**rest}", (string rest) => OpenDataProblems.UnknownAddress(rest))
            .ExcludeFromDescription();
    }
}
