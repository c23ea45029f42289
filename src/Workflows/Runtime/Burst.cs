using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>
/// One step burst: runs an instance from a trigger until every token waits, faults or ends. Works on the
/// state in memory only; the caller persists the result in one transaction.
/// </summary>
internal sealed class Burst
{
    private readonly CompiledDefinition _definition;
    private readonly Queue<TokenState> _queue = new();
    private readonly HashSet<string> _bookmarksBefore;
    private readonly HashSet<string> _incidentsBefore;
    private readonly List<JournalEntryData> _journal = [];
    private readonly List<OutboxMessageData> _outbox = [];
    private readonly int _maxSteps;
    private bool _ended;
    private bool _cancelled;

    public Burst(CompiledDefinition definition, string instanceId, InstanceState state, Trigger trigger, DateTimeOffset now,
        IExpressionEvaluator evaluator, IServiceProvider services, int maxSteps)
    {
        _definition = definition;
        InstanceId = instanceId;
        State = state;
        Trigger = trigger;
        Now = now;
        Evaluator = evaluator;
        Services = services;
        _maxSteps = maxSteps;
        _bookmarksBefore = state.AllBookmarks().Select(b => b.Id).ToHashSet();
        _incidentsBefore = state.Incidents.Select(i => i.Id).ToHashSet();
    }

    public string InstanceId { get; }
    public InstanceState State { get; }
    public Trigger Trigger { get; }
    public DateTimeOffset Now { get; }
    public IExpressionEvaluator Evaluator { get; }
    public IServiceProvider Services { get; }

    public void StartAt(string activityId)
    {
        var token = NewToken(activityId, null);
        _queue.Enqueue(token);
    }

    public void Journal(string kind, string? activityId, string? activityType, string? outcome, JsonObject? data) =>
        _journal.Add(new JournalEntryData(++State.JournalSequence, Now, kind, activityId, activityType, outcome, Trigger.Actor, Trigger.Channel, null, data));

    /// <summary>The journal line of the trigger itself carries the request id (unique per instance).</summary>
    public void JournalTrigger(string kind, string? activityId, string? activityType, JsonObject? data) =>
        _journal.Add(new JournalEntryData(++State.JournalSequence, Now, kind, activityId, activityType, null, Trigger.Actor, Trigger.Channel, Trigger.RequestId, data));

    public void AddOutbox(string kind, JsonObject payload)
    {
        // The engine knows no mail domain: the host's maker gives the Message-Id, or it stays empty for the handler to make.
        var id = Guid.NewGuid().ToString("N");
        _outbox.Add(new OutboxMessageData(id, InstanceId, kind, payload, Services.GetService<IOutboxMessageIds>()?.For(id) ?? "", Now));
    }

    public async ValueTask ResumeAsync(TokenState token, ResumeArgs args)
    {
        var node = _definition.Node(token.ActivityId);
        ActivityResult result;
        try
        {
            result = await node.Activity.ResumeAsync(new ActivityContext(this, node, token), args);
        }
        catch (ResumeRejectedException)
        {
            throw; // the input is refused; nothing of this burst is stored
        }
        catch (Exception ex)
        {
            Fault(token, node, ex, args);
            return;
        }

        Apply(token, node, result);
    }

    public void Enqueue(TokenState token) => _queue.Enqueue(token);

    public async ValueTask RunAsync()
    {
        var steps = 0;
        while (!_ended && _queue.TryDequeue(out var token))
        {
            if (!State.Tokens.Contains(token))
            {
                continue; // cancelled while queued
            }

            var node = _definition.Node(token.ActivityId);
            if (++steps > _maxSteps)
            {
                Fault(token, node, new InvalidOperationException($"Meer dan {_maxSteps} stappen zonder te wachten; waarschijnlijk een lus zonder wachtpunt."), null);
                continue;
            }

            Journal(JournalKinds.ActivityStarted, node.Node.Id, node.Descriptor.Type, null, null);
            ActivityResult result;
            try
            {
                result = await node.Activity.ExecuteAsync(new ActivityContext(this, node, token));
            }
            catch (Exception ex)
            {
                Fault(token, node, ex, null);
                continue;
            }

            Apply(token, node, result);
        }
    }

    public void Cancel(string? reason)
    {
        _cancelled = true;
        foreach (var token in State.Tokens.ToList())
        {
            RemoveToken(token);
        }

        State.Incidents.Clear();
        _queue.Clear();
        Journal(JournalKinds.InstanceCancelled, null, null, null, reason is null ? null : new JsonObject { ["reden"] = reason });
    }

    public int CancelTokensUpstreamOf(string activityId, TokenState except)
    {
        var ancestors = _definition.Ancestors(activityId);
        var cancelled = 0;
        foreach (var token in State.Tokens.Where(t => t != except && ancestors.Contains(t.ActivityId)).ToList())
        {
            RemoveToken(token);
            State.Incidents.RemoveAll(i => i.TokenId == token.Id);
            Journal(JournalKinds.TokenCancelled, token.ActivityId, _definition.Node(token.ActivityId).Descriptor.Type, null, new JsonObject { ["token"] = token.Id });
            cancelled++;
        }

        return cancelled;
    }

    private void Apply(TokenState token, CompiledNode node, ActivityResult result)
    {
        switch (result.Kind)
        {
            case ResultKind.Complete:
                token.Bookmarks.Clear();
                Journal(JournalKinds.ActivityCompleted, node.Node.Id, node.Descriptor.Type, string.Join(",", result.Ports), null);
                Follow(token, node, result.Ports);
                break;
            case ResultKind.Wait:
                if (result.Bookmarks.Count == 0 && (token.Bookmarks.Count == 0 || result.ReplacesBookmarks))
                {
                    Fault(token, node, new InvalidOperationException("De activiteit wacht zonder iets om op te wachten."), null);
                    return;
                }

                token.Status = TokenStatus.Waiting;
                if (result.ReplacesBookmarks)
                {
                    token.Bookmarks.Clear();
                }

                foreach (var request in result.Bookmarks)
                {
                    token.Bookmarks.Add(new BookmarkState
                    {
                        Id = Guid.NewGuid().ToString("N"),
                        Name = request.Name,
                        Payload = request.Payload,
                        DueAt = request.DueAt,
                        CreatedAt = Now,
                    });
                }

                break;
            case ResultKind.Consume:
                Journal(JournalKinds.TokenConsumed, node.Node.Id, node.Descriptor.Type, null, new JsonObject { ["token"] = token.Id });
                RemoveToken(token);
                break;
            case ResultKind.EndInstance:
                Journal(JournalKinds.ActivityCompleted, node.Node.Id, node.Descriptor.Type, null, null);
                _ended = true;
                State.EndActivityId = node.Node.Id;
                foreach (var other in State.Tokens.ToList())
                {
                    RemoveToken(other);
                }

                State.Incidents.Clear();
                _queue.Clear();
                break;
        }
    }

    private void Follow(TokenState token, CompiledNode node, IReadOnlyList<string> ports)
    {
        var first = true;
        foreach (var port in ports)
        {
            foreach (var connection in _definition.Outgoing(node.Node.Id, port))
            {
                if (first)
                {
                    token.ActivityId = connection.Target.Activity;
                    token.ArrivedVia = connection.Key;
                    token.Status = TokenStatus.Waiting;
                    _queue.Enqueue(token);
                    first = false;
                }
                else
                {
                    _queue.Enqueue(NewToken(connection.Target.Activity, connection.Key));
                }
            }
        }

        if (first)
        {
            RemoveToken(token); // the path ends here
        }
    }

    private void Fault(TokenState token, CompiledNode node, Exception ex, ResumeArgs? resume)
    {
        token.Status = TokenStatus.Faulted;
        var incident = new IncidentState
        {
            Id = Guid.NewGuid().ToString("N"),
            TokenId = token.Id,
            ActivityId = node.Node.Id,
            ActivityType = node.Descriptor.Type,
            Message = ex.Message,
            ExceptionType = ex.GetType().FullName ?? ex.GetType().Name,
            At = Now,
            Resume = resume,
        };
        State.Incidents.Add(incident);
        Journal(JournalKinds.IncidentCreated, node.Node.Id, node.Descriptor.Type, null, new JsonObject
        {
            ["incident"] = incident.Id,
            ["melding"] = ex.Message,
            ["type"] = incident.ExceptionType,
        });
    }

    private TokenState NewToken(string activityId, string? via)
    {
        var token = new TokenState { Id = $"t{++State.NextTokenNumber}", ActivityId = activityId, ArrivedVia = via };
        State.Tokens.Add(token);
        return token;
    }

    private void RemoveToken(TokenState token) => State.Tokens.Remove(token);

    public BurstResult Finish()
    {
        var status = _cancelled ? WorkflowStatus.Cancelled
            : _ended || State.Tokens.Count == 0 ? WorkflowStatus.Finished
            : State.Incidents.Count > 0 ? WorkflowStatus.Faulted
            : WorkflowStatus.Suspended;
        if (status == WorkflowStatus.Finished)
        {
            Journal(JournalKinds.InstanceFinished, State.EndActivityId, null, null, null);
        }

        var after = new Dictionary<string, (BookmarkState Bookmark, TokenState Token)>();
        foreach (var token in State.Tokens)
        {
            foreach (var bookmark in token.Bookmarks)
            {
                after[bookmark.Id] = (bookmark, token);
            }
        }

        return new BurstResult
        {
            InstanceId = InstanceId,
            State = State,
            Status = status,
            Journal = _journal,
            Outbox = _outbox,
            AddedBookmarks = after.Where(kv => !_bookmarksBefore.Contains(kv.Key))
                .Select(kv => new AddedBookmark(kv.Value.Bookmark, kv.Value.Token.Id, kv.Value.Token.ActivityId)).ToList(),
            RemovedBookmarkIds = _bookmarksBefore.Where(id => !after.ContainsKey(id)).ToList(),
            NewIncidents = State.Incidents.Where(i => !_incidentsBefore.Contains(i.Id)).ToList(),
            ResolvedIncidentIds = _incidentsBefore.Where(id => State.Incidents.All(i => i.Id != id)).ToList(),
        };
    }
}

/// <summary>What a burst changed; written to the database in one transaction.</summary>
internal sealed class BurstResult
{
    public required string InstanceId { get; init; }
    public required InstanceState State { get; init; }
    public required WorkflowStatus Status { get; init; }
    public required IReadOnlyList<JournalEntryData> Journal { get; init; }
    public required IReadOnlyList<OutboxMessageData> Outbox { get; init; }
    public required IReadOnlyList<AddedBookmark> AddedBookmarks { get; init; }
    public required IReadOnlyList<string> RemovedBookmarkIds { get; init; }
    public required IReadOnlyList<IncidentState> NewIncidents { get; init; }
    public required IReadOnlyList<string> ResolvedIncidentIds { get; init; }

    /// <summary>The attribute rows to write; null when no source is registered or nothing changed.</summary>
    internal Attributes.AttributeChanges? AttributeChanges { get; set; }
}

internal sealed record AddedBookmark(BookmarkState Bookmark, string TokenId, string ActivityId);

/// <summary>A message for the outside world, delivered after the transaction that wrote it.</summary>
internal sealed record OutboxMessageData(string Id, string InstanceId, string Kind, JsonObject Payload, string MessageId, DateTimeOffset CreatedAt);
