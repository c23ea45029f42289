namespace AdviesRoute.Workflows.Queries;

/// <summary>The outbox's messages not yet delivered (see <see cref="IWorkflowReader.GetOutboxBacklogAsync"/>).</summary>
/// <param name="Waiting">How many messages wait for delivery.</param>
/// <param name="Failing">How many of them failed at least once and are being retried.</param>
/// <param name="Oldest">The oldest waiting messages, oldest first.</param>
public sealed record OutboxBacklog(int Waiting, int Failing, IReadOnlyList<OutboxWaiting> Oldest);

/// <summary>One message waiting in the outbox.</summary>
/// <param name="Kind">Which handler delivers it (e.g. a kind of mail).</param>
/// <param name="Attempts">How often delivery was tried.</param>
/// <param name="LastError">Why the last try failed; null when it was not tried yet.</param>
public sealed record OutboxWaiting(string Id, string? InstanceId, string Kind, DateTimeOffset CreatedAt, int Attempts, string? LastError);
