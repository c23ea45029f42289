using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Mailbox;

/// <summary>The local mailbox: the mails in the pickup folder, newest first. Exists only without an SMTP server.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(IOptions<MailOptions> options, PickupFolder folder) : PageModel
{
    public IReadOnlyList<PickupMail> Mails { get; private set; } = [];

    public string Folder => folder.Path;

    public IActionResult OnGet()
    {
        if (!options.Value.UsesPickupFolder)
        {
            return NotFound();
        }

        Mails = folder.List();
        return Page();
    }
}
