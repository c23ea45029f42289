using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// The open-data API: read-only, anonymous JSON under <see cref="BasePath"/> of exactly what the public portal shows
/// (built on <see cref="Publishing.IPublicCatalog"/> alone), with its own OpenAPI document <see cref="DocumentName"/> at
/// <see cref="DocumentPath"/>. The authenticated <c>/openapi/v1.json</c> does not list these endpoints, and this document
/// lists nothing else: the endpoints carry the group name <see cref="DocumentName"/>, which the default document leaves out.
/// </summary>
public static class OpenDataApi
{
    /// <summary>Where the API lives; the version is part of the address, so a later v2 can stand beside it.</summary>
    public const string BasePath = "/api/openbaar/v1";

    /// <summary>The OpenAPI document's name, and the group name of every endpoint in it.</summary>
    public const string DocumentName = "openbaar";

    /// <summary>Where the OpenAPI document is served, anonymously.</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>The page that explains the API to residents, journalists and developers.</summary>
    public const string PagePath = "/openbaar/open-data";

    /// <summary>The version the document states, and the <c>API-Version</c> header every answer carries.</summary>
    public const string Version = "1.0.0";

    /// <summary>Options, the rate-limit policy and the OpenAPI document "openbaar".</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration(OpenDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OpenDataLinks>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, OpenDataRateLimit>(OpenDataRateLimit.Name));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.GroupName == DocumentName;
            o.AddDocumentTransformer<OpenDataDocumentInfo>();
            o.AddOperationTransformer<OpenDataOperations>();
            o.AddSchemaTransformer<OpenDataSchemas>();

            // Schemas named as a reader of this document thinks of them: Meeting, Document, not OpenDataMeeting.
            o.CreateSchemaReferenceId = type => type.Type.Name.StartsWith("OpenData", StringComparison.Ordinal) && type.Type.Namespace == typeof(OpenDataApi).Namespace
                ? type.Type.Name["OpenData".Length..]
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });
        return services;
    }

    /// <summary>The endpoints under <see cref="BasePath"/> and the OpenAPI document at <see cref="DocumentPath"/>.</summary>
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath)
            .AllowAnonymous()
            .RequireRateLimiting(OpenDataRateLimit.Name)
            .WithGroupName(DocumentName)
            .AddEndpointFilter<OpenDataCaching>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        OpenDataEndpoints.Map(api);

        // The generic /openapi/{documentName}.json route needs a signed-in caller. This route matches only this
        // document's name and goes first (a lower order), so the open-data document is anonymous and v1 stays closed.
        var document = app.MapOpenApi("/openapi/{documentName:regex(^" + DocumentName + "$)}.json")
            .AllowAnonymous()
            .RequireRateLimiting(OpenDataRateLimit.Name)
            .AddEndpointFilter<IEndpointConventionBuilder, OpenDataCaching>();               // API-Version and CORS, so a tool on another site can read it
        document.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);
        return app;
    }
}
