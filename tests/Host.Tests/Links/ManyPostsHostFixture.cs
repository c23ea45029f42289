using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// The host with a high limit on posts per link per minute, so tests of the one-time code limits (which post more
/// than five times a minute on one link) meet those limits and not the rate limiter.
/// </summary>
public sealed class ManyPostsHostFixture : HostFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Links:PostsPerMinute", "1000");
    }
}
