using System.Security.Claims;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.Accounts;

/// <summary>
/// A password an administrator made (a new account, a reset) opens only the page to choose one's own. The session's
/// principal, rebuilt from the database on every request, then carries <see cref="ClaimType"/> and no role, so every
/// page and API call that needs a role refuses; a person is sent to <see cref="ChangePage"/> instead of "Geen toegang".
/// </summary>
public static class TemporaryPassword
{
    /// <summary>Marks a session whose account must choose a password first.</summary>
    public const string ClaimType = "adviesroute:tijdelijk-wachtwoord";

    public const string ChangePage = "/Account/Wachtwoord";

    public static bool MustChange(ClaimsPrincipal? user) => user?.HasClaim(c => c.Type == ClaimType) == true;

    /// <summary>The change page, with the address the person asked for to return to afterwards.</summary>
    public static string ChangeAddress(HttpRequest request) =>
        $"{ChangePage}?ReturnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}";
}

/// <summary>
/// Builds the session's principal; with a temporary password, without roles and with the mark; when a role requires
/// a second factor the account has not set up, with <see cref="TwoFactor.TwoFactorSetup.ClaimType"/>.
/// </summary>
internal sealed class AccountClaimsFactory(UserManager<HostUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TwoFactor.RoleRequirements requirements)
    : UserClaimsPrincipalFactory<HostUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HostUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!user.TwoFactorEnabled && await requirements.AnyRequiredAsync(identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToList()))
        {
            identity.AddClaim(new Claim(TwoFactor.TwoFactorSetup.ClaimType, "1"));
        }

        if (user.MustChangePassword)
        {
            foreach (var role in identity.FindAll(identity.RoleClaimType).ToList())
            {
                identity.RemoveClaim(role);
            }

            identity.AddClaim(new Claim(TemporaryPassword.ClaimType, "1"));
        }

        return identity;
    }
}

/// <summary>
/// Sends a person with a temporary password from any signed-in page to the change page, also from pages that need no
/// role (the start page); pages open to everyone (sign-in, sign-out, the link pages) stay open.
/// </summary>
internal sealed class TemporaryPasswordPageFilter : IAsyncPageFilter
{
    private static readonly string[] Open = ["/Account/Wachtwoord", "/Account/Logout", "/Account/Login", "/Account/AccessDenied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (TemporaryPassword.MustChange(http.User)
            && !Open.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(TemporaryPassword.ChangeAddress(http.Request));
            return;
        }

        await next();
    }
}
