using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A legal follow-up task after a decision was opened, with its deadline (<see cref="Termijn"/>, as shown).</summary>
public sealed record NazorgGestart(string? Taak, string? Termijn) : GovernanceJournalEntry
{
    public const string KindName = "nazorg";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["taak"] = Taak,
        ["termijn"] = Termijn,
    };

    public static NazorgGestart Read(StoredJournalData stored) => new(stored.Text("taak"), stored.Text("termijn"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence("Nazorgtaak" + (Taak is null ? " geopend" : ": " + Taak), Termijn);
}
