using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>
/// The host in memory (environment Testing) on a real loopback port for the browser, with its clock started on
/// Monday 4 January 2027 so the seeded jaarkalender 2026-2027 gives the meetings, and an administrator's API key that
/// moves that clock. Mail goes to the pickup folder, so the administrator's local mailbox page shows every mail.
/// </summary>
public sealed class LanguageHost : HostFixture
{
    /// <summary>An API key with the administrator's role: it moves the clock and, unlike a session, never expires on the way.</summary>
    public const string AdminKey = "taal-beheer-sleutel-0123456789abcdef0123";

    /// <summary>Monday 4 January 2027, 09:00 in the Netherlands: before the documents deadline of the DB of 20 January.</summary>
    public const string StartsAt = "2027-01-04T09:00:00+01:00";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", StartsAt);
        builder.UseSetting("Security:ApiKeys:2:Name", "taal-beheer");
        builder.UseSetting("Security:ApiKeys:2:Key", AdminKey);
        builder.UseSetting("Security:ApiKeys:2:Roles:0", "admin");

        // The members post their choices one after another from one test: they meet the rounds, not the rate limiter.
        builder.UseSetting("Links:PostsPerMinute", "1000");
    }
}
