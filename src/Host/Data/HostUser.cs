using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Data;

/// <summary>A person who signs in: a secretary, a process owner or an administrator.</summary>
public sealed class HostUser : IdentityUser
{
    /// <summary>The name shown on pages and in the journal; the user name when empty.</summary>
    public string? DisplayName { get; set; }
}
