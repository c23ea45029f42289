using AdviesRoute.Host.Api.ActivityTypes;
using AdviesRoute.Host.Api.Definitions;
using AdviesRoute.Host.Api.Instances;
using AdviesRoute.Host.Security;

namespace AdviesRoute.Host.Api;

/// <summary>The JSON API under <c>/api</c>. Every endpoint names the policy that may call it.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

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

        var instances = api.MapGroup("/instances").WithTags("Instanties");
        definitions.MapPost("/{definitionId}/instances", StartInstance.HandleAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithTags("Instanties")
            .WithName("StartInstance")
            .WithSummary("Start een instantie van de gepubliceerde (of opgegeven) versie.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
            .ProducesProblem(StatusCodes.Status409Conflict);
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

        api.MapGet("/activity-types", ListActivityTypes.Handle)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithTags("Activiteiten")
            .WithName("ListActivityTypes")
            .WithSummary("De activiteittypen voor het palet van de ontwerper.");
        return app;
    }
}
