using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A notification went out to its recipients, with the legal last day when the law sets one (<see cref="Termijn"/>, as shown).</summary>
public sealed record MeldingVerstuurd(string? Onderwerp, int? Ontvangers, string? Termijn) : GovernanceJournalEntry
{
    /// <summary>Who did not get it and why (e.g. the proposal names no portefeuillehouder); absent in entries written before.</summary>
    public string? Opmerking { get; init; }

    public const string KindName = "melding";

    public override string Kind => KindName;

    public override JsonObject ToData()
    {
        var data = new JsonObject
        {
            ["onderwerp"] = Onderwerp,
            ["ontvangers"] = Ontvangers,
            ["termijn"] = Termijn,
        };
        if (Opmerking is not null)
        {
            data["opmerking"] = Opmerking;
        }

        return data;
    }

    public static MeldingVerstuurd Read(StoredJournalData stored) => new(stored.Text("onderwerp"), stored.Integer("ontvangers"), stored.Text("termijn"))
    {
        Opmerking = stored.Text("opmerking"),
    };

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        (Ontvangers == 0 ? "Melding niet verstuurd" : "Melding verstuurd" + (Ontvangers is { } count ? " aan " + JournalWords.Count(count, "ontvanger", "ontvangers") : ""))
            + (Onderwerp is null ? "" : ": " + Onderwerp),
        Termijn is null ? null : "wettelijke termijn: " + Termijn, Opmerking);
}
