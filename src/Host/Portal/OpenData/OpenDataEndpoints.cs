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

        api.MapGet("/organen", ListBodies.HandleAsync)
            .WithTags("Organen")
            .WithName("OpenbaarOrganen")
            .WithSummary("De organen die iets openbaar maken.")
            .WithDescription("De organen van de GR die agenda's, stukken of besluitenlijsten openbaar maken, in de volgorde van het bestuursmodel, elk met wat het publiceert. " +
                "Het algemeen bestuur vergadert in het openbaar (artikel 22 Wgr) en publiceert agenda, stukken en besluitenlijst; het dagelijks bestuur vergadert besloten en publiceert zijn besluitenlijsten. " +
                "Wat een orgaan publiceert, stelt de GR in.")
            .WithMetadata(new OpenDataExample(OpenDataExamples.Bodies));

        api.MapGet("/organen/{bodyId}/vergaderingen", ListMeetings.HandleAsync)
            .WithTags("Vergaderingen")
            .WithName("OpenbaarVergaderingenVanOrgaan")
            .WithSummary("De vergaderingen van een orgaan, nieuwste eerst, per pagina.")
            .WithDescription("Vergaderingen waarvan iets openbaar is, en de komende vergaderingen uit de jaarkalender (daarvan is nog niets gepubliceerd: agendaPublishedAt is dan null). " +
                "Filter op een jaar (year) of op een periode (from, to; beide dagen tellen mee). Blader met page en pageSize; next en previous geven de adressen van de buurpagina's.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new OpenDataExample(OpenDataExamples.Meetings));

        api.MapGet("/vergaderingen/{meetingId}", GetMeeting.HandleAsync)
            .WithTags("Vergaderingen")
            .WithName("OpenbaarVergadering")
            .WithSummary("Eén vergadering met de openbare agenda, stukken en besluitenlijst.")
            .WithDescription("De agenda en de openbare stukken staan erin vanaf het moment dat de convocatie is verstuurd; de besluitenlijst zodra die in een volgende vergadering is vastgesteld. " +
                "Besloten agendapunten, vertrouwelijke stukken, stukken die voor één orgaan bedoeld zijn, toelichtingen en stemmen per lid staan er nooit in; een besluit noemt alleen de uitkomst en de uitslag van de stemming. " +
                "Wat het secretariaat heeft teruggetrokken, staat onder withdrawals met de reden.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new OpenDataExample(OpenDataExamples.Meeting));

        api.MapGet("/stukken/{documentId}", GetDocument.HandleAsync)
            .WithTags("Stukken")
            .WithName("OpenbaarStuk")
            .WithSummary("Eén openbaar stuk: wat het is en waar het te downloaden is.")
            .WithDescription("Titel, soort, orgaan, vergadering, datum, informatiecategorie van de Woo, grootte, type inhoud en het downloadadres op het openbare portaal. " +
                "Een stuk dat openbaar was en is teruggetrokken, geeft 410 met de dag en de reden; een stuk dat nooit openbaar was, geeft 404, net als een kenmerk dat niet bestaat.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithMetadata(new OpenDataExample(OpenDataExamples.Document));

        api.MapGet("/publicaties", ListPublications.HandleAsync)
            .WithTags("Publicaties")
            .WithName("OpenbaarPublicaties")
            .WithSummary("Wat het laatst openbaar is gemaakt, nieuwste eerst.")
            .WithDescription("Elke publicatie is een agenda met de openbare stukken (bij het versturen van de convocatie) of een vastgestelde besluitenlijst, met het adres van de vergadering. " +
                "Dezelfde inhoud als de Atom-feed van het portaal.")
            .WithMetadata(new OpenDataExample(OpenDataExamples.Publications));

        // Any other address under the API: 404 in the API's own words, not the sign-in answer of the rest of /api.
        api.MapGet("/{**rest}", (string rest) => OpenDataProblems.UnknownAddress(rest))
            .ExcludeFromDescription();
    }
}
