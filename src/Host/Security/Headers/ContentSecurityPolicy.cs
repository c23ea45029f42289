using System.Security.Cryptography;
using System.Text;

namespace AdviesRoute.Host.Security.Headers;

/// <summary>
/// The Content-Security-Policy of one response. Every response starts from the same strict policy (scripts and style
/// sheets only from this host, no inline script, no plugins, no framing); a part of the host that serves HTML it does
/// not write itself widens it for that one response only: the Hangfire dashboard with the hashes of its inline code
/// (<see cref="InlineHashes"/>), the local mailbox with inline styles for the mails it shows.
/// </summary>
public sealed class ContentSecurityPolicy
{
    /// <summary>Where browsers send what the policy blocked (<see cref="CspReports"/>).</summary>
    public const string ReportPath = "/csp-rapport";

    private readonly List<string> _scriptHashes = [];
    private readonly List<string> _styleElementHashes = [];
    private readonly List<string> _styleAttributeHashes = [];
    private readonly IReadOnlyList<string> _formTargets;

    /// <param name="formTargets">Origins besides this host a form may lead to (the OIDC provider the login button sends to).</param>
    public ContentSecurityPolicy(IReadOnlyList<string> formTargets) => _formTargets = formTargets;

    /// <summary>
    /// Whether this response allows inline styles (<c>style-src 'unsafe-inline'</c>): only for HTML this host shows
    /// but did not write and cannot change, such as a mail in the local mailbox (mail programs drop style sheets).
    /// </summary>
    public bool AllowsInlineStyles { get; private set; }

    public void AllowInlineStyles() => AllowsInlineStyles = true;

    /// <summary>
    /// Whether a page of this host may show this response in a frame (<c>frame-ancestors 'self'</c>): only a page the
    /// accessibility report loads into its frame to check it (<see cref="Portal.Accessibility.AccessibilityCheckFrame"/>).
    /// </summary>
    public bool AllowsFramingBySelf { get; private set; }

    public void AllowFramingBySelf() => AllowsFramingBySelf = true;

    /// <summary>Allows the inline <c>&lt;script&gt;</c> element with exactly this text.</summary>
    public void AllowScript(string text) => Add(_scriptHashes, text);

    /// <summary>Allows the inline <c>&lt;style&gt;</c> element with exactly this text.</summary>
    public void AllowStyleElement(string text) => Add(_styleElementHashes, text);

    /// <summary>Allows a <c>style="…"</c> attribute with exactly this (decoded) value.</summary>
    public void AllowStyleAttribute(string value) => Add(_styleAttributeHashes, value);

    /// <summary>The header's value.</summary>
    public override string ToString()
    {
        var script = string.Join(' ', ["'self'", .. _scriptHashes]);
        var directives = new List<string>
        {
            "default-src 'self'",
            $"script-src {script}",
            AllowsInlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
        };
        if (!AllowsInlineStyles && (_styleElementHashes.Count > 0 || _styleAttributeHashes.Count > 0))
        {
            directives.Add(string.Join(' ', ["style-src-elem 'self'", .. _styleElementHashes]));
            directives.Add(_styleAttributeHashes.Count > 0 ? string.Join(' ', ["style-src-attr 'unsafe-hashes'", .. _styleAttributeHashes]) : "style-src-attr 'none'");
        }

        directives.AddRange(
        [
            "img-src 'self' data:",   // the design tokens draw the select's arrow as a data: SVG
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            AllowsFramingBySelf ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
            string.Join(' ', ["form-action 'self'", .. _formTargets]),
            $"report-uri {ReportPath}",
        ]);
        return string.Join("; ", directives);
    }

    /// <summary>The CSP source expression of a text: <c>'sha256-…'</c> of its UTF-8 bytes.</summary>
    public static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    private static void Add(List<string> hashes, string text)
    {
        var hash = Hash(text);
        if (!hashes.Contains(hash))
        {
            hashes.Add(hash);
        }
    }
}
