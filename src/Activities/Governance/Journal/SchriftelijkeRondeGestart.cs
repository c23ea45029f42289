using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A written round of a body started: every seat is asked by link, with the deadline as its text.</summary>
/// <param name="Orgaan">The body (id).</param>
/// <param name="Leden">How many seats were asked.</param>
/// <param name="Termijn">The deadline as shown ("uiterlijk 15 februari 2027 (...)").</param>
/// <param name="Ronde">The number of the round within the step (a step entered again starts a new one).</param>
public sealed record SchriftelijkeRondeGestart(string? Orgaan, int? Leden, string? Termijn, int? Ronde) : GovernanceJournalEntry
{
    public const string KindName = "schriftelijkeRonde";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["orgaan"] = Orgaan,
        ["leden"] = Leden,
        ["termijn"] = Termijn,
        ["ronde"] = Ronde,
    };

    public static SchriftelijkeRondeGestart Read(StoredJournalData stored) =>
        new(stored.Text("orgaan"), stored.Integer("leden"), stored.Text("termijn"), stored.Integer("ronde"));

    public override string Sentence(JournalReading reading)
    {
        var body = reading.Body(Orgaan)?.Name;
        return JournalWords.Sentence(
            (Ronde > 1 ? $"Schriftelijke ronde {Ronde}" : "Schriftelijke ronde") + (body is null ? "" : " van " + body) + " gestart"
                + (Leden is { } seats ? $": {JournalWords.Count(seats, "lid", "leden")} gevraagd" : ""),
            Termijn);
    }
}
