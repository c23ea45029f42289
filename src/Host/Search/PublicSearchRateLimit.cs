using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Search;

/// <summary>
/// The rate limit of the public search (<see cref="Policy"/>): a number of searches per minute per client address, so the
/// portal cannot be used to load the database. A refused search gets 429 with a short Dutch page.
/// </summary>
internal sealed class PublicSearchRateLimit(IOptions<SearchOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "openbaar-zoeken";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page, cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter("zoeken:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PublicSearchesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The page of a refused search: the portal's look (its style sheets), what happened and what to do.</summary>
    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Even wachten - Zoeken</title>
        <link rel="stylesheet" href="/lib/utrecht/component-library.css">
        <link rel="stylesheet" href="/lib/utrecht/html.css">
        <link rel="stylesheet" href="/css/theme.css">
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body class="samendrenthe-theme utrecht-document utrecht-surface">
        <main class="utrecht-html site-main" id="inhoud">
        <h1>Even wachten</h1>
        <p>Er is vanaf uw adres in korte tijd vaak gezocht. Wacht een minuut en probeer het dan opnieuw.</p>
        <p><a href="/openbaar/zoeken">Terug naar zoeken</a> · <a href="/openbaar">Naar het openbaar portaal</a></p>
        </main>
        </body>
        </html>
        """;
}
