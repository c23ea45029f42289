using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Queries;

/// <summary>One outbox message written for an instance (see <see cref="IWorkflowReader.GetMessagesOfInstanceAsync"/>).</summary>
/// <param name="Kind">Which handler delivers it (e.g. a kind of mail).</param>
/// <param name="Payload">What the step or the host wrote for the handler, as stored.</param>
/// <param name="SentAt">When the receiving side accepted it; null while it waits.</param>
public sealed record SentMessage(string Id, string Kind, JsonObject Payload, string MessageId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
