using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.Oidc;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// The administrator chooses the roles whose people must use tweestapsverificatie. It counts from their next click:
/// someone in such a role without it is sent to set it up (<see cref="TwoFactorSetup"/>). Who required a role, and
/// when, is stored with it and logged, as is taking it back.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class TweestapsverificatieModel(UserManager<HostUser> users, RoleRequirements requirements, IOptions<OidcOptions> oidc, ILogger<TweestapsverificatieModel> logger) : PageModel
{
    /// <summary>Per role: whether required, since when and by whom, and how many of its accounts have it set up.</summary>
    public IReadOnlyList<RoleState> States { get; private set; } = [];

    /// <summary>Whether the administrator looking at the page has it set up.</summary>
    public bool OwnEnabled { get; private set; }

    public bool OidcEnabled => oidc.Value.Enabled;

    public string OidcButton => oidc.Value.DisplayName;

    public string? Message { get; private set; }

    /// <summary>Why switching off someone's second factor was refused.</summary>
    public string? ResetError { get; private set; }

    /// <summary>The address typed for switching off, kept after a refusal.</summary>
    public string? Account { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Switches off the second factor of someone who lost both their phone and their recovery codes.</summary>
    public async Task<IActionResult> OnPostUitzettenAsync(string? account)
    {
        Account = account?.Trim();
        var user = string.IsNullOrEmpty(Account) ? null : await users.FindByEmailAsync(Account) ?? await users.FindByNameAsync(Account);
        ResetError = user switch
        {
            null => "Er is geen account met dit e-mailadres. Controleer wat u hebt ingevuld.",
            _ when string.Equals(user.UserName, User.Identity!.Name, StringComparison.OrdinalIgnoreCase) =>
                "Dit is uw eigen account. Uw eigen tweestapsverificatie regelt u via 'Tweestapsverificatie' bovenaan de pagina; vraag anders een andere beheerder.",
            { TwoFactorEnabled: false } => $"{user.Email} heeft geen tweestapsverificatie aan; er is niets gewijzigd.",
            _ => null,
        };
        if (ResetError is null)
        {
            await users.SetTwoFactorEnabledAsync(user!, false);
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 0);
            logger.LogWarning("Tweestapsverificatie van {User} uitgezet door {Admin}.", user!.UserName, User.Identity!.Name);
            Message = $"De tweestapsverificatie van {user.Email} staat uit. Bij de volgende keer inloggen kan die persoon een telefoon koppelen; open sessies van dit account zijn beëindigd.";
            Account = null;
        }

        await LoadAsync();
        return ResetError is null ? Page() : new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    public async Task<IActionResult> OnPostAsync(string[] roles)
    {
        var known = roles.Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count != roles.Distinct(StringComparer.Ordinal).Count())
        {
            await LoadAsync();
            Message = "Een van de gekozen rollen bestaat niet; er is niets gewijzigd.";
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var (added, removed) = await requirements.SetAsync(known, User.Identity!.Name!, HttpContext.RequestAborted);
        await LoadAsync();
        var required = States.Where(s => s.Required).Select(s => s.Name).ToList();
        Message = (added.Count + removed.Count == 0 ? "Er is niets gewijzigd. " : "Opgeslagen. ")
            + (required.Count == 0
                ? "Tweestapsverificatie is voor geen enkele rol verplicht."
                : $"Tweestapsverificatie is verplicht voor: {DutchFormat.List(required)}.");
        return Page();
    }

    private async Task LoadAsync()
    {
        var required = (await requirements.AllAsync(HttpContext.RequestAborted)).ToDictionary(r => r.Role, StringComparer.Ordinal);
        var states = new List<RoleState>();
        foreach (var role in Roles.All)
        {
            var members = await users.GetUsersInRoleAsync(role);
            required.TryGetValue(role, out var requirement);
            states.Add(new RoleState(role, Roles.DisplayName(role), requirement is not null,
                requirement is null ? null : new DateTimeOffset(DateTime.SpecifyKind(requirement.RequiredSince, DateTimeKind.Utc)),
                requirement?.RequiredBy, members.Count, members.Count(m => m.TwoFactorEnabled)));
        }

        States = states;
        OwnEnabled = (await users.GetUserAsync(User))?.TwoFactorEnabled == true;
    }

    public sealed record RoleState(string Role, string Name, bool Required, DateTimeOffset? Since, string? By, int Accounts, int WithTwoFactor);
}
