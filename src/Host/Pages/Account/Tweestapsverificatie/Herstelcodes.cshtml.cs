using System.Text;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Account.Tweestapsverificatie;

/// <summary>
/// New recovery codes (the old ones stop working), shown once; and the codes on the page as a text file to keep. The
/// file is made from the codes the page posts back, not from the database, which holds only their hashes.
/// </summary>
[Authorize]
public sealed class HerstelcodesModel(UserManager<HostUser> users, IOptions<TwoFactorOptions> options, ILogger<HerstelcodesModel> logger) : PageModel
{
    public int Left { get; private set; }

    /// <summary>Whether the person has tweestapsverificatie; without it there are no recovery codes to make.</summary>
    public bool Enabled { get; private set; }

    public IReadOnlyList<string>? Codes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        Left = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        if (!Enabled)
        {
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        Codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorOptions.RecoveryCodes))?.ToList() ?? [];
        logger.LogInformation("{User} heeft nieuwe herstelcodes gemaakt.", user.UserName);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The codes shown on the page, as a text file; anything that is not a recovery code is refused.</summary>
    public IActionResult OnPostDownload(string[] codes)
    {
        var clean = codes.Select(TwoFactorTexts.RecoveryCode).ToList();
        if (clean.Count is 0 or > TwoFactorOptions.RecoveryCodes || clean.Any(c => c is null))
        {
            return BadRequest("Er zijn geen herstelcodes om op te slaan. Maak nieuwe herstelcodes op de pagina Tweestapsverificatie.");
        }

        var text = new StringBuilder()
            .Append("Herstelcodes voor ").Append(options.Value.Issuer).Append(" (").Append(User.Identity?.Name).Append(")\r\n")
            .Append("Elke code werkt één keer. Gebruik er een als u de code uit de app niet kunt gebruiken.\r\n\r\n");
        foreach (var code in clean)
        {
            text.Append(code).Append("\r\n");
        }

        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/plain; charset=utf-8", "herstelcodes-adviesroute.txt");
    }
}
