using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// An advice or decision step waits on a meeting: the item is on that meeting's agenda. Search and the meeting pages
/// find a proposal by the meetings in these lines (<c>vergadering.id</c>).
/// </summary>
public sealed record OpDeAgenda(JournalMeeting? Vergadering) : GovernanceJournalEntry
{
    public const string KindName = "inVergadering";

    public override string Kind => KindName;

    public override JsonObject ToData() => new() { ["vergadering"] = Vergadering?.ToJson() };

    public static OpDeAgenda Read(StoredJournalData stored) => new(JournalMeeting.Read(stored.Data?["vergadering"]));

    public override string Sentence(JournalReading reading) =>
        "Op de agenda van " + (Vergadering?.Describe(reading, withTimeAndPlace: true) ?? "een vergadering");
}
