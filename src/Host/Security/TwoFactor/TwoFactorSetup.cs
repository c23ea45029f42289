using System.Security.Claims;
using AdviesRoute.Host.Security.Oidc;
using Microsoft.AspNetCore.Authorization;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>
/// A person whose role requires the second factor and who has none yet gets, after signing in with a password, only
/// the pages to set it up (and to choose a password, to sign out): every other page sends them to
/// <see cref="SetupPage"/>, every API call made with the session cookie gets 403 with the reason. The session's
/// principal, rebuilt from the database on every request, carries <see cref="ClaimType"/> while this holds, so the
/// moment an administrator requires it or the person sets it up counts from the next request. Sessions that came
/// through the organisation's provider (OIDC) are not held: the provider's own second factor applies. API keys
/// belong to no account and are not held either.
/// </summary>
public static class TwoFactorSetup
{
    /// <summary>Marks a session whose account's role requires a second factor it has not set up.</summary>
    public const string ClaimType = "adviesroute:tweestap-instellen";

    public const string OverviewPage = "/Account/Tweestapsverificatie";

    public const string SetupPage = "/Account/Tweestapsverificatie/Instellen";

    /// <summary>Why an API call with the session cookie is refused.</summary>
    public const string ApiDetail = "Uw rol vereist tweestapsverificatie en u hebt die nog niet ingesteld. Stel die eerst in op /Account/Tweestapsverificatie/Instellen; API-sleutels merken hier niets van.";

    /// <summary>What may still be opened: setting up the second factor, the password, signing in and out.</summary>
    private static readonly string[] Open = [OverviewPage, "/Account/Wachtwoord", "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/Account/Inlogcode", "/Account/Herstelcode"];

    /// <summary>Whether this session is held until its second factor is set up (never for a provider's session).</summary>
    public static bool MustSetUp(ClaimsPrincipal? user) =>
        user?.HasClaim(c => c.Type == ClaimType) == true
        && !user.HasClaim(ClaimTypes.AuthenticationMethod, OidcAccountMatcher.AuthenticationMethod);

    /// <summary>The set-up page, with the address the person asked for to go on to afterwards.</summary>
    public static string SetupAddress(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !ApiProblems.IsApiRequest(request)
            ? $"{SetupPage}?ReturnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}"
            : SetupPage;

    /// <summary>Holds sessions that must set up the second factor; runs after authentication, before authorization.</summary>
    internal static IApplicationBuilder UseTwoFactorSetupGate(this IApplicationBuilder app) => app.Use(HoldAsync);

    private static async Task HoldAsync(HttpContext context, RequestDelegate next)
    {
        if (MustSetUp(context.User) && !IsOpen(context))
        {
            if (ApiProblems.IsApiRequest(context.Request))
            {
                await ApiProblems.ForbiddenAsync(context, ApiDetail);
                return;
            }

            context.Response.Redirect(SetupAddress(context.Request));
            return;
        }

        await next(context);
    }

    private static bool IsOpen(HttpContext context)
    {
        var path = context.Request.Path;
        if (Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Pages and endpoints open to everyone (health, the mail links, the public portal) stay open; an address that
        // matched nothing gets its 404.
        var endpoint = context.GetEndpoint();
        return endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    }
}
