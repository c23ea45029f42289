namespace AdviesRoute.Host.Portal.Accessibility;

/// <summary>
/// Recognises the request of a page that the accessibility report (<see cref="ReportPath"/>) loads into its frame, so that
/// this one response may be framed by this host (<c>frame-ancestors 'self'</c>, <c>X-Frame-Options: SAMEORIGIN</c>) while
/// every other response stays unframeable (ADR 40). The marks are the ones a browser sets itself and a page's script
/// cannot: the request is a frame's (<c>Sec-Fetch-Dest: iframe</c>) started by a page of this origin
/// (<c>Sec-Fetch-Site: same-origin</c>), and that page is the report (its <c>Referer</c>, which the host's
/// <c>Referrer-Policy: same-origin</c> sends in full). Even when the marks are copied by a tool that is not a browser,
/// the browser that shows the answer lets only a page of this host frame it.
/// </summary>
public static class AccessibilityCheckFrame
{
    /// <summary>The report page: the only page whose frames may show this host's pages.</summary>
    public const string ReportPath = "/Beheer/Toegankelijkheid";

    /// <summary>Whether the request loads a page into the report page's frame.</summary>
    public static bool IsRequest(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Dest"], "iframe", StringComparison.Ordinal)
        && string.Equals(request.Headers["Sec-Fetch-Site"], "same-origin", StringComparison.Ordinal)
        && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.AbsolutePath, ReportPath, StringComparison.OrdinalIgnoreCase);
}
