using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The board's written, reasoned reaction to one council's zienswijze was recorded.</summary>
public sealed record ReactieOpZienswijze(string? Orgaan, string? Naam) : GovernanceJournalEntry
{
    public const string KindName = "reactieOpZienswijze";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["orgaan"] = Orgaan,
        ["naam"] = Naam,
    };

    public static ReactieOpZienswijze Read(StoredJournalData stored) => new(stored.Text("orgaan"), stored.Text("naam"));

    public override string Sentence(JournalReading reading) =>
        $"Reactie van het bestuur op de zienswijze van {reading.BodyName(Orgaan, Naam, "de raad")} vastgelegd";
}
