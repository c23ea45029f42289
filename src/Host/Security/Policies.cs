using Microsoft.AspNetCore.Authorization;

namespace AdviesRoute.Host.Security;

/// <summary>
/// Authorization policies by what a caller may do, so an endpoint names a capability rather than a list of roles.
/// Anything without a policy still needs an authenticated caller (the fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>Start, resume, cancel and retry instances.</summary>
    public const string OperateInstances = nameof(OperateInstances);

    /// <summary>Read instances and definitions.</summary>
    public const string ReadWorkflows = nameof(ReadWorkflows);

    /// <summary>Design workflows: the activity palette, later the designer.</summary>
    public const string DesignWorkflows = nameof(DesignWorkflows);

    /// <summary>Administration of the installation.</summary>
    public const string Administer = nameof(Administer);

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(OperateInstances, p => p.RequireRole(Roles.Secretary, Roles.Admin));
        options.AddPolicy(ReadWorkflows, p => p.RequireRole(Roles.Secretary, Roles.ProcessOwner, Roles.Admin));
        options.AddPolicy(DesignWorkflows, p => p.RequireRole(Roles.ProcessOwner, Roles.Admin));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));

        // Secure by default: an endpoint or page that forgets to say who may use it is still closed to anonymous
        // callers; health and login opt out explicitly.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
