using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// The rate-limit policy <see cref="Name"/>: per address a fixed window of <see cref="OpenDataOptions.RequestsPerMinute"/>
/// requests a minute. A request over it gets 429 with problem details in Dutch and Retry-After, not the link pages' plain
/// text (a policy's own <see cref="OnRejected"/> takes the place of the limiter's general one).
/// </summary>
internal sealed class OpenDataRateLimit(IOptionsMonitor<OpenDataOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "open-data";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Te veel verzoeken",
                detail: $"Vanaf uw adres kwamen meer verzoeken dan de open-data-API per minuut beantwoordt. Probeer het over {seconds} seconden opnieuw.")
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.CurrentValue.RequestsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter("open-data:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
