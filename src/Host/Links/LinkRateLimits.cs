using System.Threading.RateLimiting;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Limits on the link pages. A known token has its own window for choices (so 200 members on one office network
/// all get through); requests with tokens that do not exist are limited per address, against guessing.
/// </summary>
internal static class LinkRateLimits
{
    public const string Policy = "verzoek-links";

    public static IServiceCollection AddLinkRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Te veel verzoeken met deze link; probeer het over een minuut opnieuw.", cancellationToken);
            };
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RequestLinkOptions>>().Value;
                var token = context.Request.RouteValues["token"] as string;
                var known = LinkTokens.LooksLikeToken(token) && context.RequestServices.GetRequiredService<HostDbContext>()
                    .MailLinks.AsNoTracking().Any(l => l.TokenHash == LinkTokens.Hash(token!));
                if (known)
                {
                    if (!HttpMethods.IsPost(context.Request.Method))
                    {
                        return RateLimitPartition.GetNoLimiter("lezen");
                    }

                    return RateLimitPartition.GetFixedWindowLimiter("token:" + LinkTokens.Hash(token!), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PostsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
                }

                return RateLimitPartition.GetFixedWindowLimiter("adres:" + (context.Connection.RemoteIpAddress?.ToString() ?? "onbekend"), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.UnknownTokenRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
