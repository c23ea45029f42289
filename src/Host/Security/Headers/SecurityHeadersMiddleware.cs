using AdviesRoute.Host.Portal.Accessibility;
using AdviesRoute.Host.Security.Oidc;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.Headers;

/// <summary>
/// Puts the security headers on every response, just before it starts, so whatever ran in between (a page, the
/// Hangfire dashboard, an error page) could still widen this response's <see cref="ContentSecurityPolicy"/>:
/// <list type="bullet">
/// <item>Content-Security-Policy (see <see cref="ContentSecurityPolicy"/>).</item>
/// <item>Permissions-Policy: no camera, microphone, location, payment or device access; nothing here needs them, so an
/// injected or framed page cannot ask for them either.</item>
/// <item>X-Content-Type-Options <c>nosniff</c>, X-Frame-Options <c>DENY</c> (for browsers that ignore frame-ancestors);
/// <c>SAMEORIGIN</c> with <c>frame-ancestors 'self'</c> only for a page the accessibility report loads into its frame
/// (<see cref="AccessibilityCheckFrame"/>).</item>
/// <item>Referrer-Policy <c>same-origin</c>, and <c>no-referrer</c> on a personal link page (<c>/verzoek/{token}</c>):
/// the token in its address must not reach even this host's own access log as a Referer.</item>
/// <item>Cache-Control <c>no-store</c> on every answer that is not a static file and does not call itself public: pages
/// of signed-in people, link pages, the mailbox and the API all carry personal data, and a forgotten page must not be
/// the one a shared computer's cache keeps.</item>
/// </list>
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<OidcOptions> oidc)
{
    /// <summary>Features this host has no use for; a page that asks for one is not ours.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>Marks a response the static-file middleware serves; those keep their own caching.</summary>
    internal const string StaticFileMark = "AdviesRoute.StaticFile";

    private const string LinkPagePrefix = "/verzoek";

    private readonly IReadOnlyList<string> _formTargets = FormTargets(oidc.Value);

    public Task InvokeAsync(HttpContext context)
    {
        var policy = new ContentSecurityPolicy(_formTargets);
        if (AccessibilityCheckFrame.IsRequest(context.Request))
        {
            policy.AllowFramingBySelf();
        }

        context.Features.Set(policy);
        context.Response.OnStarting(() =>
        {
            Apply(context, policy);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context, ContentSecurityPolicy policy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy.ToString();
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = policy.AllowsFramingBySelf ? "SAMEORIGIN" : "DENY";
        headers["Referrer-Policy"] = IsLinkPage(context.Request) ? "no-referrer" : "same-origin";
        if (!context.Items.ContainsKey(StaticFileMark))
        {
            // The antiforgery token and the document downloads already say no-store, and an answer that calls itself
            // public (nothing does yet) knows it holds nothing personal: their words stay.
            var own = headers.CacheControl.ToString();
            if (!own.Contains("no-store", StringComparison.OrdinalIgnoreCase) && !own.Contains("public", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }
        }
    }

    /// <summary>A page or download reached through a personal mail link: <c>/verzoek/{token}…</c>.</summary>
    public static bool IsLinkPage(HttpRequest request) => request.Path.StartsWithSegments(LinkPagePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The login button posts a form that the host answers with a redirect to the provider: its origin is a form target.</summary>
    private static IReadOnlyList<string> FormTargets(OidcOptions oidc) =>
        oidc.Enabled && Uri.TryCreate(oidc.Authority?.Trim(), UriKind.Absolute, out var authority)
            ? [authority.GetLeftPart(UriPartial.Authority)]
            : [];
}
