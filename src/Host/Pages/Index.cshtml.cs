using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages;

[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(Microsoft.Extensions.Options.IOptions<Mail.MailOptions> mail) : PageModel
{
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>No SMTP server is configured: mail lands in the pickup folder, readable on the local mailbox page.</summary>
    public bool UsesLocalMailbox => mail.Value.UsesPickupFolder;

    public void OnGet() =>
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.DisplayName).ToList();
}
