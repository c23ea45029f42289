using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A round of the municipalities started: the councils asked for a zienswijze, or the colleges consulted.</summary>
/// <param name="Aantal">How many bodies were asked.</param>
/// <param name="Termijn">The deadline as shown.</param>
public sealed record RondeGestart(int? Aantal, string? Termijn) : GovernanceJournalEntry
{
    public const string KindName = "rondeGestart";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["aantal"] = Aantal,
        ["termijn"] = Termijn,
    };

    public static RondeGestart Read(StoredJournalData stored) => new(stored.Integer("aantal"), stored.Text("termijn"));

    public override string Sentence(JournalReading reading)
    {
        var count = Aantal ?? 0;
        var main = reading.WrittenBy<Zienswijzenronde>()
            ? $"Zienswijze gevraagd aan {JournalWords.Count(count, "gemeenteraad", "gemeenteraden")}"
            : reading.WrittenBy<TerugkoppelingColleges>()
                ? $"Terugkoppeling gevraagd aan {JournalWords.Count(count, "college", "colleges")} van B en W"
                : $"Ronde gestart: {JournalWords.Count(count, "orgaan", "organen")} gevraagd";
        return JournalWords.Sentence(main, Termijn);
    }
}
