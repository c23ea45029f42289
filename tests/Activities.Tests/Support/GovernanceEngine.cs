using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Tests.Support;

/// <summary>
/// The engine with the governance activities and the shipped definitions, on a SQLite file, the real Hangfire
/// server and a fake clock that starts on a given Dutch day. The governance model and jaarkalender are the demo's,
/// unless a test passes its own.
/// </summary>
public sealed class GovernanceEngine : IAsyncDisposable
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private GovernanceEngine(EngineHost host) => Host = host;

    public EngineHost Host { get; }
    public IWorkflowRuntime Runtime => Host.Runtime;

    /// <summary>Starts on <paramref name="day"/> at 09:00 Amsterdam time; in <paramref name="folder"/> to start again on an earlier engine's database.</summary>
    public static async Task<GovernanceEngine> StartAsync(DateOnly day, Func<GovernanceModel, GovernanceModel>? changeModel = null, string? folder = null)
    {
        var host = await EngineHost.StartAsync(
            folder: folder,
            activityAssemblies: [ActivityLibrary.Assembly],
            now: At(day, 9),
            configure: services => services.AddSingleton<IGovernanceDirectory>(sp =>
            {
                var deadlines = sp.GetRequiredService<DeadlineCalculator>();
                var model = GovernanceSeed.Parse(DemoGovernance.Json());
                model = changeModel?.Invoke(model) ?? model;
                return new FixedGovernanceDirectory(new GovernanceSnapshot(model, JaarkalenderSeed.Parse(JaarkalenderSeed.DemoJson(), model, deadlines)));
            }),
            configureBuilder: builder => builder.Services.AddActivities(builder.Configuration));
        var engine = new GovernanceEngine(host);
        foreach (var file in Directory.GetFiles(ShippedDefinitions.Folder, "*.json"))
        {
            await host.SaveAsync(await File.ReadAllTextAsync(file));
        }

        return engine;
    }

    /// <summary>A moment on a Dutch day at a Dutch hour (summer or winter time).</summary>
    public static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    public Task<BurstSummary> StartAsync(string definitionId, object input) =>
        Runtime.StartAsync(definitionId, JsonSerializer.SerializeToNode(input)!.AsObject(), new Trigger("secretaris", Channel.Api));

    /// <summary>Moves the clock to a Dutch day (09:00) and waits until the timers due by then have fired.</summary>
    public async Task MoveToAsync(DateOnly day, int hour = 9)
    {
        var target = At(day, hour);
        if (target > Host.Clock.GetUtcNow())
        {
            Host.Clock.SetUtcNow(target);
        }

        var settled = await EngineHost.EventuallyAsync(async () =>
            !await Host.WithDbAsync(db => db.Timers.AnyAsync(t => t.DueAtMs <= target.ToUnixTimeMilliseconds())));
        settled.Should().BeTrue("every timer due by {0} fires", target);
    }

    internal async Task<InstanceState> StateAsync(string instanceId) =>
        JsonSerializer.Deserialize<InstanceState>((await Host.InstanceAsync(instanceId)).StateJson, WorkflowJson.Options)!;

    /// <summary>The instance as the engine's read API gives it.</summary>
    public async Task<InstanceView> ViewAsync(string instanceId) =>
        await Host.ReadAsync(reader => reader.GetInstanceAsync(instanceId)) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public async Task<WorkflowStatus> StatusAsync(string instanceId) => Enum.Parse<WorkflowStatus>((await Host.InstanceAsync(instanceId)).Status);

    /// <summary>The bookmarks an instance waits on, with their activity and payload.</summary>
    internal async Task<List<(string ActivityId, BookmarkState Bookmark)>> WaitingAsync(string instanceId) =>
        (await StateAsync(instanceId)).Waiting().Select(w => (w.Token.ActivityId, w.Bookmark)).ToList();

    /// <summary>
    /// Resumes the one bookmark of <paramref name="name"/> at an activity (and, when given, for one body or seat). A seat's
    /// or body's answer comes in as through its personal link, unless it says for whom it was recorded (<c>namens</c>);
    /// a meeting's outcome is recorded as a secretary does: on the meeting's day or later (the clock moves there first).
    /// </summary>
    public async Task<BurstSummary> ResumeAsync(string instanceId, string activityId, string name, object? input, string? body = null, string? seat = null, string actor = "secretaris")
    {
        var waiting = await WaitingAsync(instanceId);
        var match = waiting.Where(w => w.ActivityId == activityId && w.Bookmark.Name == name
            && (body is null || w.Bookmark.Payload?["orgaan"]?.GetValue<string>() == body)
            && (seat is null || w.Bookmark.Payload?["zetel"]?.GetValue<string>() == seat)).ToList();
        match.Should().ContainSingle($"the instance waits at {activityId} on {name}{(body is null ? "" : " for " + body)}; it waits on: {string.Join(", ", waiting.Select(w => w.ActivityId + "/" + w.Bookmark.Name))}");
        var node = input is null ? null : JsonSerializer.SerializeToNode(input);
        if (name == VotingActivity.MeetingBookmark && node?["verplaatsNaar"] is null
            && match[0].Bookmark.Payload?["vergadering"]?["datum"]?.GetValue<string>() is { } day)
        {
            await MoveToAsync(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 20);
        }

        var ownAnswer = name is VotingActivity.VoteBookmark or AnswerRound.AnswerBookmark && node?["namens"] is null;
        return await Runtime.ResumeAsync(instanceId, match[0].Bookmark.Id, node, new Trigger(actor, ownAnswer ? Channel.Link : Channel.Api));
    }

    /// <summary>The activities the instance waits at (distinct, ordered).</summary>
    public async Task<List<string>> WaitingAtAsync(string instanceId) =>
        (await WaitingAsync(instanceId)).Select(w => w.ActivityId).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<JsonNode?> VariableAsync(string instanceId, string name) =>
        (await StateAsync(instanceId)).Variables.TryGetValue(name, out var value) ? value : null;

    internal Task<List<JournalEntryRecord>> JournalAsync(string instanceId) => Host.JournalAsync(instanceId);

    internal Task<List<OutboxMessageRecord>> OutboxAsync(string instanceId) =>
        Host.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.InstanceId == instanceId).OrderBy(m => m.CreatedAt).ToListAsync());

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The shipped definitions in the repository's <c>workflow-definitions/</c>.</summary>
public static class ShippedDefinitions
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "AdviesRoute.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir.FullName, "workflow-definitions");
        }
    }
}
