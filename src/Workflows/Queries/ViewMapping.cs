using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Queries;

/// <summary>From the engine's rows to the public views.</summary>
internal static class JournalEntries
{
    public static JournalEntry Of(string instanceId, JournalEntryData entry) =>
        new(instanceId, entry.Sequence, entry.At, entry.Kind, entry.ActivityId, entry.ActivityType, entry.Outcome, entry.Actor, entry.Channel, entry.RequestId, entry.Data);

    public static JournalEntry Of(JournalEntryRecord row) =>
        new(row.InstanceId, row.Sequence, StoredTime.Utc(row.At), row.Kind, row.ActivityId, row.ActivityType, row.Outcome, row.Actor,
            Enum.TryParse<Channel>(row.Channel, out var channel) ? channel : Channel.System, row.RequestId,
            row.DataJson is null ? null : JsonNode.Parse(row.DataJson) as JsonObject);
}

internal static class StoredTime
{
    /// <summary>The engine stores UTC; SQLite gives it back without a kind.</summary>
    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? stored) => stored is { } value ? Utc(value) : null;
}

internal static class InstanceRows
{
    public static InstanceSummary Summary(WorkflowInstanceRecord row) =>
        new(row.Id, row.DefinitionId, row.DefinitionVersion, row.DefinitionRecordId, Enum.Parse<WorkflowStatus>(row.Status),
            StoredTime.Utc(row.CreatedAt), StoredTime.Utc(row.UpdatedAt), StoredTime.Utc(row.FinishedAt));

    public static InstanceState State(string stateJson) =>
        JsonSerializer.Deserialize<InstanceState>(stateJson, WorkflowJson.Options) ?? new InstanceState();

    /// <param name="withAttributes">False when no source is registered: attributes a source once wrote are no longer kept up to date.</param>
    public static InstanceView View(WorkflowInstanceRecord row, bool withAttributes)
    {
        var state = State(row.StateJson);
        return InstanceView.Of(Summary(row), state, withAttributes ? Attributes.AttributeProjector.ToList(state.Attributes) : []);
    }
}

/// <summary>
/// The cursor of the instance lists: the last id of a page, opaque to callers (the format of
/// <see cref="InstanceList"/>, so a cursor from either continues in both).
/// </summary>
internal static class InstanceCursor
{
    private const string Prefix = "i:";

    public static string Encode(string lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + lastId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="FormatException">Not a cursor this engine gave out.</exception>
    public static string Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length)
            {
                throw new FormatException("unknown cursor");
            }

            return text[Prefix.Length..];
        }
        catch (FormatException ex)
        {
            throw new FormatException("De cursor is ongeldig; vraag de eerste pagina opnieuw op.", ex);
        }
    }
}
