using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The college return closed: instemming or bedenkingen (the stored outcome), with a summary of the answers.</summary>
public sealed record TerugkoppelingGesloten(string? Uitkomst, string? Samenvatting) : GovernanceJournalEntry
{
    public const string KindName = "terugkoppelingGesloten";

    public override string Kind => KindName;

    public override string? Outcome => Uitkomst;

    public override JsonObject ToData() => new() { ["samenvatting"] = Samenvatting };

    public static TerugkoppelingGesloten Read(StoredJournalData stored) => new(stored.Outcome, stored.Text("samenvatting"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        "Terugkoppeling van de colleges gesloten: " + Uitkomst switch
        {
            "instemming" => "de colleges stemmen in",
            "bedenkingen" => "er zijn bedenkingen",
            _ => JournalWords.Code(Uitkomst),
        },
        Samenvatting);
}
