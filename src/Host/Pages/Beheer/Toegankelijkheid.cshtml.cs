using System.Text.Json;
using AdviesRoute.Host.Portal.Accessibility;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// The accessibility report (ADR 40): the page lists what it checks, and its script (wwwroot/js/toegankelijkheid.js)
/// runs axe-core in the administrator's own browser over those pages and the public portal's pages from the sitemap, each
/// loaded in a frame of this host, and offers the outcome as an HTML and a JSON file for the auditor. The host stores
/// nothing of it and claims nothing: the report says what automated checks can and cannot find.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class ToegankelijkheidModel(CheckedPages checkedPages) : PageModel
{
    /// <summary>The size of the frame the pages are checked in, in CSS pixels: a common laptop screen.</summary>
    public const int FrameWidth = 1280;

    public const int FrameHeight = 800;

    /// <summary>Of portal pages of one kind (the pages of meetings, of bodies) the report checks at most this many.</summary>
    public const int PortalPagesPerKind = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<CheckedPage> Pages { get; private set; } = [];

    /// <summary>Kinds of page left out, with why ("de pagina van een voorstel: er is nog geen voorstel").</summary>
    public IReadOnlyList<string> LeftOut { get; private set; } = [];

    public string Version { get; } = CheckedPages.InstallationVersion();

    /// <summary>What the script needs, as JSON in a data block (no inline script).</summary>
    public string SettingsJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Pages, LeftOut) = await checkedPages.ListAsync(cancellationToken);
        SettingsJson = JsonSerializer.Serialize(new
        {
            pages = Pages,
            leftOut = LeftOut,
            sitemap = "/sitemap.xml",
            portalPart = "Openbaar portaal",
            portalPagesPerKind = PortalPagesPerKind,
            axe = new { script = AxeRules.ScriptPath, version = AxeRules.Version, tags = AxeRules.Tags },
            rules = AxeRules.Dutch,
            impact = AxeRules.Impact,
            criteria = WcagCriteria.ByTag,
            frame = new { width = FrameWidth, height = FrameHeight },
            installation = new { product = "AdviesRoute", owner = "SamenDrenthe", version = Version },
            checkedBy = User.Identity?.Name ?? "",
        }, Json);
    }
}
