using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The preparation group reported the proposal ready, or that it must be revised first (the stored outcome).</summary>
public sealed record VoorbereidingAfgerond(string? Uitkomst, string? Toelichting) : GovernanceJournalEntry
{
    public const string KindName = "voorbereiding";

    public override string Kind => KindName;

    public override string? Outcome => Uitkomst;

    public override JsonObject ToData() => new() { ["toelichting"] = Toelichting };

    public static VoorbereidingAfgerond Read(StoredJournalData stored) => new(stored.Outcome, stored.Text("toelichting"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        Uitkomst switch
        {
            "gereed" => "Ambtelijke voorbereiding gereed",
            "herzien" => "Ambtelijke voorbereiding: het voorstel moet worden herzien",
            _ => "Ambtelijke voorbereiding: " + JournalWords.Code(Uitkomst),
        },
        Toelichting is null ? null : "toelichting: " + Toelichting);
}
