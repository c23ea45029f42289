using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AdviesRoute.Host.Security.Oidc;

/// <summary>
/// Sign-in through the organisation's OpenID Connect provider (authorization code with PKCE), ending in the same
/// Identity application cookie a password sign-in gives. The scheme is only challenged by the login page's button:
/// the default challenge stays the cookie's, so pages still send visitors to <c>/Account/Login</c> and <c>/api</c>
/// still answers 401 with problem details.
/// </summary>
internal static class OidcLogin
{
    public const string Scheme = "Oidc";

    /// <summary>Binds and validates <c>Security:Oidc</c>; adds the handler only when an authority is configured.</summary>
    public static AuthenticationBuilder AddOidcLogin(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var services = authentication.Services;
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();

        var settings = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!settings.Enabled)
        {
            return authentication;
        }

        services.AddScoped<OidcAccountMatcher>();
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<OidcOptions>>((o, oidc) => Configure(o, oidc.Value));

        // Like the cookies: nonces and correlation cookies follow the wall clock, not the Testing environment's
        // movable clock.
        services.PostConfigure<OpenIdConnectOptions>(Scheme, o => o.TimeProvider = TimeProvider.System);
        return authentication;
    }

    private static void Configure(OpenIdConnectOptions options, OidcOptions oidc)
    {
        var authority = new Uri(oidc.Authority!.Trim());
        options.Authority = authority.ToString();
        options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps; // http only passes validation on loopback
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        options.CallbackPath = OidcOptions.CallbackPath;

        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;

        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be Lax and
        // need not be SameSite=None (which browsers only keep when Secure). They are Secure whenever the request is
        // https, which is what the provider sends the person back to.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "email" }.Concat(oidc.Scopes).Distinct(StringComparer.Ordinal))
        {
            options.Scope.Add(scope);
        }

        // Claims keep their JWT names ("email", "email_verified"), the names Security:Oidc:EmailClaim speaks of.
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;

        // The session is the local account's, in the Identity application cookie (see OnTicketReceived).
        options.SignInScheme = IdentityConstants.ApplicationScheme;
        options.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = OnTicketReceivedAsync,
            OnRemoteFailure = OnRemoteFailureAsync,
        };
    }

    /// <summary>Replaces the provider's principal by the local account's, or refuses without a session.</summary>
    private static async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var match = await context.HttpContext.RequestServices.GetRequiredService<OidcAccountMatcher>().MatchAsync(context.Principal!);
        if (match.Principal is null)
        {
            context.Response.Redirect(LoginPage(match.Refusal!, context.ReturnUri));
            context.HandleResponse();
            return;
        }

        context.Principal = match.Principal;
        Logger(context.HttpContext).LogInformation("{User} is ingelogd via OIDC.", match.UserName);
    }

    /// <summary>
    /// A refusal or error from the provider, a callback without its correlation cookie, a token that does not
    /// validate: the person lands on the login page with a message, not on an exception page.
    /// </summary>
    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        Logger(context.HttpContext).LogWarning(context.Failure, "OIDC-aanmelding mislukt.");
        context.Response.Redirect(LoginPage(OidcRefusal.Failed, context.Properties?.RedirectUri));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string LoginPage(string refusal, string? returnUrl)
    {
        var query = new Dictionary<string, string?> { ["fout"] = refusal };
        if (IsLocal(returnUrl) && returnUrl != "/")
        {
            query["ReturnUrl"] = returnUrl;
        }

        return QueryHelpers.AddQueryString("/Account/Login", query);
    }

    /// <summary>Only a path on this host, as <c>Url.IsLocalUrl</c> decides: not <c>//other.example</c> nor <c>/\other.example</c>.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcLogin).FullName!);
}
