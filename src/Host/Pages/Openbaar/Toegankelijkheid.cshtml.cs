using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// The GR's own accessibility statement for the portal, from <c>Portal:Toegankelijkheidsverklaring</c>. The product makes no
/// claim of its own: what the page says, the GR says.
/// </summary>
[AllowAnonymous]
public sealed class ToegankelijkheidModel(IOptionsMonitor<PortalOptions> options) : PageModel
{
    public string Name => options.CurrentValue.Name;

    public AccessibilityStatementOptions Statement => options.CurrentValue.Toegankelijkheidsverklaring;

    public void OnGet()
    {
    }
}
