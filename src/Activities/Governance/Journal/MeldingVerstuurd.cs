using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A notification went out to its recipients, with the legal last day when the law sets one (<see cref="Termijn"/>, as shown).</summary>
public sealed record MeldingVerstuurd(string? Onderwerp, int? Ontvangers, string? Termijn) : GovernanceJournalEntry
{
    public const string KindName = "melding";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["onderwerp"] = Onderwerp,
        ["ontvangers"] = Ontvangers,
        ["termijn"] = Termijn,
    };

    public static MeldingVerstuurd Read(StoredJournalData stored) => new(stored.Text("onderwerp"), stored.Integer("ontvangers"), stored.Text("termijn"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        "Melding verstuurd" + (Ontvangers is { } count ? " aan " + JournalWords.Count(count, "ontvanger", "ontvangers") : "")
            + (Onderwerp is null ? "" : ": " + Onderwerp),
        Termijn is null ? null : "wettelijke termijn: " + Termijn);
}
