using AdviesRoute.Host.Api.ActivityTypes;
using AdviesRoute.Host.Api.Definitions;
using AdviesRoute.Host.Api.Governance;
using AdviesRoute.Host.Api.Instances;
using AdviesRoute.Host.Api.Simulation;
using AdviesRoute.Host.Designer;
using AdviesRoute.Host.Proposals.DecisionPoints;
using AdviesRoute.Host.Security;

namespace AdviesRoute.Host.Api;

/// <summary>The JSON API under <c>/api</c>. Every endpoint names the policy that may call it.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        // Every request under /api also passes ApiRequestGuard (UseApiRequestGuard in the pipeline): a body must be
        // JSON (415), and a change made with the session cookie must carry the antiforgery token (400). The guard
        // goes by the path, so an endpoint mapped here or elsewhere under /api cannot miss it; this only documents it.
        var api = app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        ((IEndpointConventionBuilder)api).Add(DescribeRequestGuard);

        var definitions = api.MapGroup("/definitions").WithTags("Definities");
        definitions.MapGet("", ListDefinitions.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("ListDefinitions")
            .WithSummary("De nieuwste versie van elke definitie.");
        definitions.MapGet("/{definitionId}/versions/{version:int}", GetDefinitionVersion.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetDefinitionVersion")
            .WithSummary("Eén opgeslagen versie van een definitie, als JSON.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGroup("/definitions").WithTags("Ontwerper").MapDesignerApi();

        var instances = api.MapGroup("/instances").WithTags("Instanties");
        definitions.MapPost("/{definitionId}/instances", StartInstance.HandleAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithTags("Instanties")
            .WithName("StartInstance")
            .WithSummary("Start een instantie van de gepubliceerde (of opgegeven) versie.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        instances.MapGet("", ListInstances.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("ListInstances")
            .WithSummary("Instanties, nieuwste eerst, per pagina; geef nextCursor mee als after voor de volgende.");
        instances.MapGet("/{instanceId}", GetInstance.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetInstance")
            .WithSummary("Een instantie met variabelen, bladwijzers, open incidenten en journaal.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost("/{instanceId}/bookmarks/{bookmarkId}/resume", ResumeBookmark.HandleAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithName("ResumeBookmark")
            .WithSummary("Hervat een wachtende instantie bij een bladwijzer.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        instances.MapPost("/{instanceId}/cancel", CancelInstance.HandleAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithName("CancelInstance")
            .WithSummary("Breekt een instantie af.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPost("/{instanceId}/incidents/{incidentId}/retry", RetryIncident.HandleAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithName("RetryIncident")
            .WithSummary("Voert de mislukte activiteit van een incident opnieuw uit.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        instances.MapDecisionPoints();

        instances.MapGet("/{instanceId}/requests", ListOpenRequests.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("ListOpenRequests")
            .WithSummary("De open verzoeken van een instantie, gericht aan wie ze vandaag moet beantwoorden (na een wisseling: de opvolger).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/simulations", SimulateRoute.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithTags("Simulatie")
            .WithName("SimulateRoute")
            .WithSummary("De vroegste besluitdatum van een soort voorstel op de jaarkalender, met elke vergadering en termijn, voor beide bestuursmodellen naast elkaar.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/activity-types", ListActivityTypes.Handle)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithTags("Activiteiten")
            .WithName("ListActivityTypes")
            .WithSummary("De activiteittypen voor het palet van de ontwerper.");

        // The governance data: read by everyone who reads workflows, changed by those who design them.
        var governance = api.MapGroup("/governance").WithTags("Bestuur");
        governance.MapGet("", GetGovernance.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetGovernance")
            .WithSummary("Het huidige bestuursmodel (gemeenten, organen, leden) met versienummer.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        governance.MapPut("", ReplaceGovernance.HandleAsync)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithName("ReplaceGovernance")
            .WithSummary("Vervangt het hele bestuursmodel; een afgekeurd model slaat niets op. Een e-mailadres wijzigen mag alleen een beheerder.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        governance.MapPost("/members", AddMember.HandleAsync)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithName("AddGovernanceMember")
            .WithSummary("Voegt één lid toe (bijvoorbeeld een opvolger).")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        governance.MapPut("/members/{memberId}", ChangeMember.HandleAsync)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithName("ChangeGovernanceMember")
            .WithSummary("Vervangt één lid, bijvoorbeeld om de zittingstermijn te beëindigen (to) of het e-mailadres te wijzigen (alleen een beheerder).")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        governance.MapGet("/history", GetGovernanceHistory.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetGovernanceHistory")
            .WithSummary("Alle opgeslagen versies van bestuursmodel en jaarkalender, nieuwste eerst: wie, wanneer, wat.");

        var jaarkalender = api.MapGroup("/jaarkalender").WithTags("Jaarkalender");
        jaarkalender.MapGet("", GetJaarkalender.HandleAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetJaarkalender")
            .WithSummary("De huidige jaarkalender (vergaderingen en P&C-mijlpalen) met versienummer.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jaarkalender.MapPut("", ReplaceJaarkalender.HandleAsync)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithName("ReplaceJaarkalender")
            .WithSummary("Vervangt de jaarkalender; een afgekeurde kalender slaat niets op.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jaarkalender.MapGet("/bodies/{bodyId}/meetings", ListBodyMeetings.Handle)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("ListBodyMeetings")
            .WithSummary("De vergaderingen van één orgaan, elk met de uiterste datum voor de stukken.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Outside /api and anonymous: calendar apps cannot sign in, and the meetings of the GR's bodies are public.
        app.MapGet("/kalender/{bodyId}.ics", JaarkalenderFeed.Handle)
            .AllowAnonymous()
            .WithTags("Jaarkalender")
            .WithName("JaarkalenderFeed")
            .WithSummary("De vergaderingen van één orgaan als agenda om op te abonneren (iCalendar); openbaar.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces<string>(StatusCodes.Status404NotFound, "text/plain");
        return app;
    }

    /// <summary>The guard's answers in the OpenAPI document, on the endpoints that change something.</summary>
    private static void DescribeRequestGuard(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        if (methods.Count == 0 || methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m)))
        {
            return;
        }

        string[] problem = ["application/problem+json"];
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem));
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem));
    }
}
