using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Data;

/// <summary>A person who signs in: a secretary, a process owner or an administrator.</summary>
public sealed class HostUser : IdentityUser
{
    /// <summary>The name shown on pages and in the journal; the user name when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// When an administrator switched the account off (UTC); null while it is active. A switched-off account cannot sign
    /// in, and its open sessions are refused on their next request.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>The administrator who switched the account off.</summary>
    public string? DeactivatedBy { get; set; }

    /// <summary>The last successful sign-in (UTC), by password or through the organisation's provider; null before the first.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// True while the account holds a password an administrator made (a new account, a reset): the person must choose
    /// their own before anything else opens.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Whether the account may sign in and keep its sessions.</summary>
    public bool IsActive => DeactivatedAt is null;
}
