using System.Collections.Concurrent;
using System.Security.Claims;
using AdviesRoute.Host.Security.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Look;

/// <summary>One entry of the main menu: the words a person reads and the page it opens.</summary>
/// <param name="Page">The Razor page (its view engine path, e.g. <c>/Voorstellen/Taken</c>) whose access rule decides.</param>
public sealed record MenuItem(string Label, string Href, string Page);

/// <summary>
/// The main menu, per person: an entry is shown only when the person may open its page. Whether they may is asked of the
/// page's own <c>[Authorize]</c> rule (through the endpoint list), so the menu and the pages cannot drift apart.
/// </summary>
public sealed class MainMenu(PageAccessRules rules, IAuthorizationService authorization)
{
    /// <summary>Every entry, in the order of the menu. A page that is not in the endpoint list fails start-up's first menu.</summary>
    public static IReadOnlyList<MenuItem> All { get; } =
    [
        new("Mijn taken", "/Voorstellen/Taken", "/Voorstellen/Taken"),
        new("Voorstellen", "/Voorstellen", "/Voorstellen/Index"),
        new("Nieuw voorstel", "/Voorstellen/Nieuw", "/Voorstellen/Nieuw"),
        new("Vergaderingen", "/Vergaderingen", "/Vergaderingen/Index"),
        new("Jaarkalender", "/Jaarkalender", "/Jaarkalender/Index"),
        new("Zoeken", "/Zoeken", "/Zoeken/Index"),
        new("Cijfers", "/Cijfers", "/Cijfers/Index"),
        new("Ontwerper", "/Ontwerper", "/Ontwerper/Index"),
        new("Beheer", "/Beheer", "/Beheer/Index"),
    ];

    /// <summary>
    /// The entries this person may open. None while they must first choose their own password: every page sends them to
    /// <see cref="TemporaryPassword.ChangePage"/>, which the header's "Wachtwoord wijzigen" opens, next to "Uitloggen".
    /// Nor while a role requires a second factor not yet set up: every page sends them to set it up.
    /// </summary>
    public async Task<IReadOnlyList<MenuItem>> ForAsync(ClaimsPrincipal user)
    {
        if (TemporaryPassword.MustChange(user) || Security.TwoFactor.TwoFactorSetup.MustSetUp(user))
        {
            return [];
        }

        var shown = new List<MenuItem>();
        foreach (var item in All)
        {
            if (await MayOpenAsync(user, item.Page))
            {
                shown.Add(item);
            }
        }

        return shown;
    }

    /// <summary>Whether the person passes the page's access rule (the fallback rule for a page without one of its own).</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string page)
    {
        var rule = await rules.OfAsync(page);
        return rule is null || (await authorization.AuthorizeAsync(user, rule)).Succeeded;
    }
}

/// <summary>The access rule of each page, read once from the endpoint list (the pages' <c>[Authorize]</c> attributes).</summary>
public sealed class PageAccessRules(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies)
{
    private readonly ConcurrentDictionary<string, Task<AuthorizationPolicy?>> _rules = new(StringComparer.Ordinal);

    /// <summary>The page's rule; null for a page open to everyone.</summary>
    /// <exception cref="InvalidOperationException">No page has this path.</exception>
    public Task<AuthorizationPolicy?> OfAsync(string page) => _rules.GetOrAdd(page, RuleOfAsync);

    private async Task<AuthorizationPolicy?> RuleOfAsync(string page)
    {
        var endpoint = endpoints.Endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == page)
            ?? throw new InvalidOperationException($"The menu names the page {page}, which is not in the endpoint list.");
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        return await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            ?? await policies.GetFallbackPolicyAsync();
    }
}

/// <summary>Registers what the layout needs: the menu by role.</summary>
public static class PageLookServiceCollectionExtensions
{
    public static IServiceCollection AddPageLook(this IServiceCollection services)
    {
        services.AddSingleton<PageAccessRules>();
        services.AddScoped<MainMenu>();
        return services;
    }
}
