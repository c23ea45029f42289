using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>The host with an upload limit of 1 MB, so a too-large file costs a test only a few megabytes.</summary>
public sealed class SmallUploadHostFixture : HostFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:MaxSizeMegabytes", "1");
    }
}
