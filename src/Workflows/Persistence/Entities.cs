namespace AdviesRoute.Workflows.Persistence;

// Rows of the engine's tables. Times are UTC DateTime (sortable in SQLite); timer due moments are Unix
// milliseconds so the sweep compares integers.

internal sealed class WorkflowDefinitionRecord
{
    /// <summary><c>{definitionId}:v{version}</c>.</summary>
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The definition as JSON (the shape of <c>workflow-definitions/</c>), with type versions pinned.</summary>
    public string Json { get; set; } = "";

    /// <summary>SHA-256 of the source as imported; an unchanged file gives the same hash.</summary>
    public string ContentHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string? Source { get; set; }
}

internal sealed class WorkflowInstanceRecord
{
    /// <summary>Made by <c>InstanceIds</c>: it sorts by creation time, so the list is ordered by its key.</summary>
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string DefinitionRecordId { get; set; } = "";
    public string Status { get; set; } = "";

    /// <summary>Optimistic concurrency: every write checks and bumps it.</summary>
    public long Revision { get; set; }

    public string StateJson { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>A pending timer; the bookmark with the same id (in the instance's state) is what it resumes.</summary>
internal sealed class TimerRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public long DueAtMs { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One journal line; keyed by (instance, sequence), so an instance's lines lie together.</summary>
internal sealed class JournalEntryRecord
{
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public string Kind { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? Outcome { get; set; }
    public string? Actor { get; set; }
    public string Channel { get; set; } = "";

    /// <summary>The caller's request id of a resume; unique per instance, so a retried request is applied once.</summary>
    public string? RequestId { get; set; }
    public string? DataJson { get; set; }
}

internal sealed class IncidentRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string TokenId { get; set; } = "";
    public string Message { get; set; } = "";
    public string ExceptionType { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

internal sealed class OutboxMessageRecord
{
    public string Id { get; set; } = "";
    public string? InstanceId { get; set; }
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "";

    /// <summary>
    /// Stable per message, so copies delivered twice are recognisable: made by the host's <see cref="Outbox.IOutboxMessageIds"/>
    /// when the message is written, empty when none is registered (the delivering side then makes it from <see cref="Id"/>).
    /// Rows of earlier versions keep the Message-Id they were written with.
    /// </summary>
    public string MessageId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// One value of a searchable attribute of an instance (see <c>IInstanceAttributeSource</c>), written in the step's
/// transaction. <see cref="Folded"/> is the value in lower case without accents, for searches that ignore both.
/// </summary>
internal sealed class InstanceAttributeRecord
{
    public string InstanceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public string Folded { get; set; } = "";
}

/// <summary>A setting the engine keeps about its own data, e.g. the version of the rules its attributes were computed with.</summary>
internal sealed class EngineMetadataRecord
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
