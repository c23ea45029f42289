using System.Text.Json;
using Microsoft.Playwright;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>A piece of visible text and where it stood (a short CSS path), for the report.</summary>
public sealed record Piece(string Text, string Where);

/// <summary>A link on a page: its address as written and its text.</summary>
public sealed record PageLink(string Href, string Text);

/// <summary>
/// What a person sees of one page or mail, read in the browser after every <c>&lt;details&gt;</c> was opened (what a
/// click shows is visible text too).
/// </summary>
/// <param name="Title">The document's title (the browser tab).</param>
/// <param name="Text">Playwright's <c>innerText</c> of the body: the rendered text, without what is hidden.</param>
/// <param name="Labels">
/// The whole text of each visible element that labels something: button, option (of a visible select), label, legend,
/// summary, heading, table header, term (<c>dt</c>), caption, a diagram's text (<c>svg text</c>), and submit buttons' values.
/// </param>
/// <param name="Segments">Each visible text node on its own, as the page's code wrote it between two tags.</param>
/// <param name="Attributes">
/// The <c>title</c>, <c>aria-label</c>, <c>aria-description</c>, <c>placeholder</c> and <c>alt</c> texts and a diagram's
/// <c>title</c> and <c>desc</c>: shown on hover or read aloud.
/// </param>
/// <param name="Values">The values the page's forms send (buttons, options, radio buttons, check boxes): codes by nature.</param>
public sealed record VisibleText(
    string Title,
    string Text,
    IReadOnlyList<Piece> Labels,
    IReadOnlyList<Piece> Segments,
    IReadOnlyList<Piece> Attributes,
    IReadOnlyList<string> Values,
    IReadOnlyList<PageLink> Links)
{
    /// <summary>
    /// Opens every <c>&lt;details&gt;</c>, so that what a click shows (technical details, the forms behind "Link
    /// intrekken") is read and photographed too.
    /// </summary>
    private const string OpenDetailsScript = "() => { for (const d of document.querySelectorAll('details')) d.open = true; }";

    /// <summary>
    /// Reads the page. Text inside <c>code</c>, <c>kbd</c> and <c>samp</c> is left out: the pages mark with them an
    /// identifier shown on purpose (a route's id for the process owner, a Message-Id or a folder on the administrator's
    /// mailbox page, a new password), which a person copies rather than reads.
    /// </summary>
    private const string ReadScript = """
        () => {
          const visible = e => e.checkVisibility ? e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : e.getClientRects().length > 0;
          const shown = e => { const select = e.closest('select'); return select ? visible(select) : visible(e); };
          const where = e => {
            const parts = [];
            for (let x = e; x && x !== document.body && parts.length < 3; x = x.parentElement) {
              let part = x.tagName.toLowerCase();
              // An id made per form (e.g. "actie-<guid>") changes every run; it is left out.
              if (x.id && !/[0-9a-f]{12}/.test(x.id)) part += '#' + x.id; else if (x.classList.length) part += '.' + [...x.classList].slice(0, 2).join('.');
              parts.unshift(part);
            }
            return parts.join(' > ');
          };
          for (const c of document.querySelectorAll('code, kbd, samp')) c.textContent = '';
          const labels = [];
          for (const e of document.body.querySelectorAll('button, option, label, legend, summary, h1, h2, h3, h4, h5, h6, th, dt, caption, [role=button], [role=tab], input[type=submit], input[type=button], svg text')) {
            if (!shown(e)) continue;
            const text = (e.tagName === 'INPUT' ? e.value : e.tagName === 'OPTION' ? e.text : (e.innerText ?? e.textContent) || '').trim();
            if (text) labels.push({ text, where: where(e) });
          }
          const segments = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement;
            if (!p || p.closest('script, style, noscript, template')) continue;
            const text = n.textContent.trim();
            if (text && shown(p)) segments.push({ text, where: where(p) });
          }
          const attributes = [];
          for (const e of document.body.querySelectorAll('[title], [aria-label], [aria-description], [placeholder], [alt]')) {
            for (const name of ['title', 'aria-label', 'aria-description', 'placeholder', 'alt']) {
              const value = (e.getAttribute(name) || '').trim();
              if (value) attributes.push({ text: value, where: where(e) + ' @' + name });
            }
          }
          for (const t of document.body.querySelectorAll('svg title, svg desc')) {
            const value = (t.textContent || '').trim();
            if (value) attributes.push({ text: value, where: where(t) });
          }
          const values = [...document.body.querySelectorAll('button[value], option[value], input[type=radio][value], input[type=checkbox][value]')].map(e => e.value).filter(v => v);
          const links = [...document.querySelectorAll('a[href]')].map(a => ({ href: a.getAttribute('href'), text: (a.innerText || '').trim() }));
          return { title: document.title || '', text: document.body.innerText || '', labels, segments, attributes, values, links };
        }
        """;

    /// <summary>Opens the page's <c>&lt;details&gt;</c>; call before the screenshot and <see cref="ReadAsync"/>.</summary>
    public static Task OpenDetailsAsync(IPage page) => page.EvaluateAsync(OpenDetailsScript);

    /// <summary>Reads what the page shows. It blanks the page's <c>code</c> elements, so take the screenshot first.</summary>
    public static async Task<VisibleText> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(ReadScript);
        static IReadOnlyList<Piece> Pieces(JsonElement list) =>
            list.EnumerateArray().Select(p => new Piece(p.GetProperty("text").GetString() ?? "", p.GetProperty("where").GetString() ?? "")).ToList();
        return new VisibleText(
            json.GetProperty("title").GetString() ?? "",
            json.GetProperty("text").GetString() ?? "",
            Pieces(json.GetProperty("labels")),
            Pieces(json.GetProperty("segments")),
            Pieces(json.GetProperty("attributes")),
            json.GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? "").ToList(),
            json.GetProperty("links").EnumerateArray().Select(l => new PageLink(l.GetProperty("href").GetString() ?? "", l.GetProperty("text").GetString() ?? "")).ToList());
    }
}
