using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AdviesRoute.Workflows.Tests.Support;

/// <summary>
/// The engine as the Host runs it: a SQLite file in a temp folder, the real Hangfire server on in-memory
/// storage, and a <see cref="FakeTimeProvider"/> the test moves forward.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, string folder, FakeTimeProvider clock)
    {
        _host = host;
        Folder = folder;
        Clock = clock;
    }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _host.Services;
    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();
    public string ConnectionString => $"Data Source={Path.Combine(Folder, "engine.db")}";

    public static async Task<EngineHost> StartAsync(string? folder = null, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null,
        System.Reflection.Assembly[]? activityAssemblies = null, DateTimeOffset? now = null, Action<HostApplicationBuilder>? configureBuilder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("adviesroute-tests-").FullName;
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:ConnectionString"] = $"Data Source={Path.Combine(folder, "engine.db")}",
            ["Workflows:TimerPollMilliseconds"] = "50",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddWorkflows(builder.Configuration, activityAssemblies ?? [typeof(EngineHost).Assembly]);
        // Our own storage per host; resolving the global configuration first points Hangfire's (static) log
        // provider at this host's logger factory rather than at a disposed one of an earlier test.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return new InMemoryStorage();
        });
        // Our own activator too: AddHangfire would use the static JobActivator.Current, which another host starting
        // at the same moment may point at its services, and a timer job would then run against its database.
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(_ => { });
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = 4;
            o.SchedulePollingInterval = TimeSpan.FromMilliseconds(200);
        });
        configure?.Invoke(builder.Services);
        configureBuilder?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, folder, clock);
    }

    /// <summary>Stores (and publishes) a definition given as JSON.</summary>
    public async Task<DefinitionSaveResult> SaveAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DefinitionStore>().SaveAsync(json, publish: true, actor: "test", source: null);
    }

    internal async Task<T> WithDbAsync<T>(Func<WorkflowDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    /// <summary>Reads through the engine's public read API, in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<IWorkflowReader, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IWorkflowReader>());
    }

    internal Task<List<JournalEntryRecord>> JournalAsync(string instanceId) =>
        WithDbAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync());

    internal Task<WorkflowInstanceRecord> InstanceAsync(string instanceId) =>
        WithDbAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId));

    /// <summary>What the instance waits on, read from its stored state.</summary>
    public async Task<List<WaitingBookmark>> BookmarksAsync(string instanceId)
    {
        var state = JsonSerializer.Deserialize<InstanceState>((await InstanceAsync(instanceId)).StateJson, WorkflowJson.Options)!;
        return state.Waiting().Select(w => new WaitingBookmark(w.Bookmark.Id, w.Bookmark.Name, w.Token.ActivityId)).ToList();
    }

    /// <summary>Waits (real time, bounded) until a condition on the database holds; for work Hangfire does in the background.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return await condition();
    }

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed record WaitingBookmark(string Id, string Name, string ActivityId);
