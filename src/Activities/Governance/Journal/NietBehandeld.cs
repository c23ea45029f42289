using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A meeting went by without a recorded outcome: the item moves on to the next meeting (<see cref="Volgende"/>, an id).</summary>
public sealed record NietBehandeld(string? Reden, string? Volgende) : GovernanceJournalEntry
{
    public const string KindName = "nietBehandeld";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["reden"] = Reden,
        ["volgende"] = Volgende,
    };

    public static NietBehandeld Read(StoredJournalData stored) => new(stored.Text("reden"), stored.Text("volgende"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        Reden ?? "Voor de vergadering is geen uitkomst vastgelegd; het voorstel schuift door naar de volgende vergadering",
        reading.Meeting(Volgende) is { } next ? "de volgende is op " + JournalWords.Day(next.Date) : null);
}
