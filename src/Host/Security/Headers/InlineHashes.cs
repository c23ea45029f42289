using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Security.Headers;

/// <summary>
/// For HTML this host serves but does not write (the Hangfire dashboard): holds the page back until it is complete and
/// allows exactly the inline scripts, style elements and style attributes it contains, by their SHA-256, in that one
/// response's <see cref="ContentSecurityPolicy"/>. Anything a script adds later, or an injected script, has another
/// hash and stays blocked; there is no <c>'unsafe-inline'</c> and no <c>'unsafe-eval'</c>.
/// </summary>
internal static partial class InlineHashes
{
    /// <summary>Runs <paramref name="next"/> with the response body held in memory when it is HTML, then adds its hashes.</summary>
    public static async Task HashInlineCodeAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Features.Get<ContentSecurityPolicy>() is { } policy && IsHtml(context.Response.ContentType))
        {
            Allow(policy, Encoding.UTF8.GetString(held.GetBuffer(), 0, (int)held.Length));
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Allows every inline script, style element and style attribute of <paramref name="html"/>.</summary>
    public static void Allow(ContentSecurityPolicy policy, string html)
    {
        foreach (Match script in InlineScript().Matches(html))
        {
            policy.AllowScript(script.Groups["text"].Value);
        }

        foreach (Match style in StyleElement().Matches(html))
        {
            policy.AllowStyleElement(style.Groups["text"].Value);
        }

        foreach (Match attribute in StyleAttribute().Matches(html))
        {
            policy.AllowStyleAttribute(WebUtility.HtmlDecode(attribute.Groups["value"].Value));
        }
    }

    private static bool IsHtml(string? contentType) => contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    // A script element without a src attribute; its text up to the closing tag is what the browser hashes.
    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)[^>]*>(?<text>.*?)</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b[^>]*>(?<text>.*?)</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"\sstyle\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
