using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// Every page and endpoint of the host, read from the app itself: each one names who may use it, is on the short list
/// of deliberately public ones, or is closed to anonymous callers by the fallback policy alone. Those relying on the
/// fallback are then visited anonymously, so taking the fallback away makes this fail.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class FallbackPolicyTests(HostFixture host)
{
    /// <summary>The public routes: login, health, the personal links in mails and their documents, the calendar feeds, the CSP reports, the public portal, open data.</summary>
    private static readonly string[] Anonymous =
    [
        "Account/Login",
        "Account/Inlogcode",   // the second step of signing in: who signs in is in Identity's five-minute two-factor cookie
        "Account/Herstelcode", // the same step with a recovery code
        "csp-rapport", // browsers report what the Content-Security-Policy blocked, also on pages of people without an account
        "Fout", // the Dutch error page: also the answer to a wrong or refused address of someone without an account
        "health",
        "health/live",
        "health/ready",
        "kalender/{bodyId}.ics",
        "openbaar/zoeken", // the public search: it finds only what the portal publishes (issue 18, ADR 38)
        "verzoek/{token}",
        "verzoek/{token}/stukken/{id}",
        // The public portal (issue 18): only what IPublicCatalog yields as published.
        "openbaar",
        "openbaar/feed.atom",
        "openbaar/jaarkalender",
        "openbaar/organen/{bodyId}",
        "openbaar/stukken/{id}/{name}",
        "openbaar/toegankelijkheid",
        "openbaar/vergaderingen/{meetingId}",
        "openbaar/vergaderingen/{meetingId}/{soort}.pdf",
        "robots.txt",
        "sitemap.xml",
        // The open-data API, its OpenAPI document and the page that explains them: public data for anyone (ADR 0037).
        "api/openbaar/v1/",
        "api/openbaar/v1/organen",
        "api/openbaar/v1/organen/{bodyId}/vergaderingen",
        "api/openbaar/v1/vergaderingen/{meetingId}",
        "api/openbaar/v1/stukken/{documentId}",
        "api/openbaar/v1/publicaties",
        "api/openbaar/v1/{**rest}",
        "openapi/{documentName:regex(^openbaar$)}.json",
        "openbaar/open-data",
    ];

    [Fact]
    public void Every_endpoint_names_its_policy_is_deliberately_public_or_relies_on_the_fallback()
    {
        var endpoints = Endpoints();

        endpoints.Where(e => e.Access == Access.Anonymous).Select(e => e.Pattern).Distinct()
            .Should().BeEquivalentTo(Anonymous, "a public page or endpoint is a decision: add it to this list only on purpose");
        endpoints.Where(e => e.Access == Access.Fallback).Select(e => e.Pattern)
            .Should().Contain(["Account/Logout", "Account/AccessDenied"], "these pages say nothing about who may use them");
    }

    [Fact]
    public async Task Everything_that_relies_on_the_fallback_is_closed_to_anonymous_callers()
    {
        var relying = Endpoints().Where(e => e.Access == Access.Fallback).ToList();
        relying.Should().NotBeEmpty();
        using var client = host.Anonymous();

        var open = new List<string>();
        foreach (var endpoint in relying)
        {
            var path = "/" + RouteParameter().Replace(endpoint.Pattern, "1");
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), path));
            var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/Account/Login";
            if (!toLogin && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                open.Add($"{endpoint.Method} {path} -> {(int)response.StatusCode}");
            }
        }

        open.Should().BeEmpty("without a policy of their own, only the fallback policy keeps anonymous callers out");
    }

    private enum Access
    {
        OwnPolicy,
        Anonymous,
        Fallback,
    }

    private sealed record EndpointAccess(string Method, string Pattern, Access Access);

    private List<EndpointAccess> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new EndpointAccess(method, e.RoutePattern.RawText!.TrimStart('/'), AccessOf(e))))
            .ToList();

    /// <summary>As the authorization middleware decides: AllowAnonymous wins, then the endpoint's own data, then the fallback.</summary>
    private static Access AccessOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Access.Anonymous
        : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any() ? Access.OwnPolicy
        : Access.Fallback;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
