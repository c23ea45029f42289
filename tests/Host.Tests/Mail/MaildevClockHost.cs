using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>
/// The in-memory host (Testing) on a loopback port for the browser, with SMTP to a maildev it owns, its clock from a
/// fixed moment (the day a story's round opens) and link answers not throttled.
/// </summary>
public abstract class MaildevClockHost : MailHostFixture
{
    private readonly string _startsAt;

    /// <param name="startsAt">The Testing clock's first moment, ISO 8601 with offset.</param>
    protected MaildevClockHost(string startsAt)
        : this(new MaildevServer(), startsAt)
    {
    }

    private MaildevClockHost(MaildevServer maildev, string startsAt)
        : base(() => maildev.SmtpPort)
    {
        Maildev = maildev;
        _startsAt = startsAt;
    }

    public MaildevServer Maildev { get; }

    /// <summary>The instance as the engine reads it now.</summary>
    public Task<InstanceView> InstanceAsync(string id) =>
        WithScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(id))!);

    /// <summary>The pillar's preparation reports "gereed", as the group's secretary does.</summary>
    public async Task CompletePreparationAsync(string id)
    {
        var waiting = await EventuallyAsync(async () => (await InstanceAsync(id)).Waiting().FirstOrDefault(w => w.Token.ActivityId == "voorbereiding") is { Bookmark: { } b } ? b : null,
            "the preparation's bookmark");
        await WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .ResumeAsync(id, waiting.Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger(AdminEmail, Channel.Page)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", _startsAt);
        builder.UseSetting("Links:PostsPerMinute", "1000");
    }

    // WebApplicationFactory's Dispose calls this again after xunit's DisposeAsync; maildev stops once.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Maildev.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
