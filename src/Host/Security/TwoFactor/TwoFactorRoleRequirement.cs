namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>
/// One role whose people must sign in with a second factor (an authenticator app), set by an administrator on
/// <c>/Beheer/Tweestapsverificatie</c>. A row per required role; no row, not required.
/// </summary>
public sealed class TwoFactorRoleRequirement
{
    /// <summary>The role's stored value (<see cref="Roles"/>).</summary>
    public string Role { get; set; } = "";

    /// <summary>Since when (UTC).</summary>
    public DateTime RequiredSince { get; set; }

    /// <summary>The administrator who required it.</summary>
    public string RequiredBy { get; set; } = "";
}
