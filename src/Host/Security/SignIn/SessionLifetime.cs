using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.SignIn;

/// <summary>
/// The session cookie's checks on every request: at most <see cref="AccountSignInOptions.AbsoluteLifetime"/> after signing
/// in, however busy the session (sliding alone would let it live for ever), and then Identity's security stamp check,
/// which runs on every request (interval zero) and rebuilds the principal from the database, so a role taken away
/// counts from the next request and a changed password or removed account ends the other sessions at once.
/// </summary>
internal static class SessionLifetime
{
    /// <summary>The item in the cookie's properties with the moment of signing in; kept when the cookie is renewed.</summary>
    public const string SignedInAtItem = ".adviesroute.signedin";

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        // A refresh (password change, Identity's RefreshSignInAsync) passes the old properties: the moment stays.
        if (!context.Properties.Items.ContainsKey(SignedInAtItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<SessionClock>().Now;
            context.Properties.Items[SignedInAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<SessionClock>().Now;
        var lifetime = services.GetRequiredService<IOptions<AccountSignInOptions>>().Value.AbsoluteLifetime;
        var signedInAt = SignedInAt(context.Properties);

        // A cookie without the moment was made before this check existed; it cannot be dated, so it is refused once.
        if (signedInAt is null || now - signedInAt.Value >= lifetime)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionLifetime).FullName!)
                .LogInformation("Sessie van {User} beëindigd: ingelogd op {SignedInAt}, langer dan {Lifetime} geleden.",
                    context.Principal?.Identity?.Name, signedInAt, lifetime);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null && userId is not null
            && await services.GetRequiredService<UserManager<Data.HostUser>>().FindByIdAsync(userId) is { IsActive: false })
        {
            // The session was refused because an administrator switched the account off: the login page says so.
            context.HttpContext.Items[SwitchedOffItem] = true;
        }
    }

    /// <summary>Marks a request whose session was refused because its account is switched off (see <see cref="LoginAddress"/>).</summary>
    public const string SwitchedOffItem = ".adviesroute.uitgeschakeld";

    /// <summary>The login page's address for a refused session: with the reason when the account was switched off.</summary>
    public static string LoginAddress(HttpContext context, string redirectUri) =>
        context.Items.ContainsKey(SwitchedOffItem) ? redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "fout=" + Oidc.OidcRefusal.Deactivated : redirectUri;

    /// <summary>Keeps how the person signed in (password or OIDC) when the principal is rebuilt from the database.</summary>
    public static Task KeepAuthenticationMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is ClaimTypes.AuthenticationMethod or "amr").ToList())
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }

    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var text)
        && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? moment
            : null;
}
