using System.Security.Claims;
using AdviesRoute.Host.Security;

namespace AdviesRoute.Host.Look;

/// <summary>Where a person starts: the page of their work, by role (an administrator's first, as the broadest).</summary>
public static class Landing
{
    /// <summary>The start page of this person; null for an account without a role.</summary>
    public static string? For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "/Beheer"
        : user.IsInRole(Roles.Secretary) ? "/Voorstellen/Taken"
        : user.IsInRole(Roles.ProcessOwner) ? "/Ontwerper"
        : null;
}
