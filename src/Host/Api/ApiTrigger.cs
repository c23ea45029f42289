using System.Security.Claims;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Api;

internal static class ApiTrigger
{
    /// <summary>The journal records who acted: the signed-in user's name or the API key's name.</summary>
    public static Trigger For(ClaimsPrincipal user, string? requestId = null) =>
        new(user.Identity?.Name ?? "onbekend", Channel.Api, requestId);
}
