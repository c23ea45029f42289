using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>
/// Stands in for the engine where a test is about the HTTP side: records every call and throws the engine's
/// exceptions for well-known ids, so each error mapping can be hit on purpose.
/// </summary>
public sealed class FakeWorkflowRuntime : IWorkflowRuntime
{
    public const string Missing = "bestaat-niet";
    public const string GoneBookmark = "verlopen";
    public const string Finished = "afgerond";
    public const string NeedsInput = "invoer-ontbreekt";
    public const string Invalid = "ongeldig";

    public ConcurrentQueue<(string Operation, string Id, JsonNode? Input, Trigger Trigger)> Calls { get; } = new();

    public Task<BurstSummary> StartAsync(string definitionId, JsonObject? input, Trigger trigger, int? version = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("start", definitionId, input, trigger));
        return definitionId switch
        {
            Missing => throw new WorkflowNotFoundException($"Definitie {definitionId} bestaat niet."),
            NeedsInput => throw new WorkflowInputException("De invoer 'titel' ontbreekt."),
            Invalid => throw new DefinitionValidationException(
            [
                new ValidationError("$.root.activities[1].type", ValidationCodes.UnknownActivityType, "Onbekend activiteittype 'Vergadering'.") { Line = 7, Position = 15 },
            ]),
            _ => Task.FromResult(Summary("inst-1")),
        };
    }

    public Task<BurstSummary> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input, Trigger trigger, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("resume", instanceId, input, trigger));
        return (instanceId, bookmarkId) switch
        {
            (Missing, _) => throw new WorkflowNotFoundException($"Instantie {instanceId} bestaat niet."),
            (_, GoneBookmark) => throw new BookmarkNotFoundException(instanceId, bookmarkId),
            (Finished, _) => throw new InstanceStateException("De instantie is afgerond."),
            _ => Task.FromResult(Summary(instanceId)),
        };
    }

    public Task<BurstSummary> CancelAsync(string instanceId, Trigger trigger, string? reason = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("cancel", instanceId, reason is null ? null : JsonValue.Create(reason), trigger));
        return instanceId == Finished
            ? throw new InstanceStateException("De instantie is afgerond.")
            : Task.FromResult(Summary(instanceId) with { Status = WorkflowStatus.Cancelled });
    }

    public Task<BurstSummary> RetryIncidentAsync(string instanceId, string incidentId, Trigger trigger, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("retry", instanceId, JsonValue.Create(incidentId), trigger));
        return incidentId == Missing
            ? throw new IncidentNotFoundException(instanceId, incidentId)
            : Task.FromResult(Summary(instanceId));
    }

    private static BurstSummary Summary(string instanceId) =>
        new(instanceId, WorkflowStatus.Suspended, [new BookmarkSummary("bm-1", "goedkeuring", "wacht", null)]);
}

/// <summary>The host with <see cref="FakeWorkflowRuntime"/> in place of the engine's runtime.</summary>
public sealed class FakeRuntimeHostFixture : HostFixture
{
    public FakeWorkflowRuntime Runtime { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IWorkflowRuntime>();
        services.AddSingleton<IWorkflowRuntime>(Runtime);
    }
}
