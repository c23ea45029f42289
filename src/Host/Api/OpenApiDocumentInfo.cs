using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AdviesRoute.Host.Api;

/// <summary>Names the API and describes how to authenticate: an API key header, or the session cookie.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "AdviesRoute API";
        document.Info.Description = "Start en volg voorstellen door hun adviesroute. Fouten zijn problem details (RFC 7807). " +
            "Een verzoek met inhoud stuurt JSON (Content-Type: application/json), anders 415. Wie met de sessiecookie van de " +
            $"website iets wijzigt, stuurt het antiforgery-token van de pagina mee in de header {ApiRequestGuard.TokenHeader}, anders 400; " +
            $"met een API-sleutel ({ApiKeyDefaults.HeaderName}) is dat niet nodig.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "Een API-sleutel uit de configuratie (Security:ApiKeys).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [],
        });
        return Task.CompletedTask;
    }
}
