using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A reminder went to everyone in a round who had not answered yet (<see cref="Aantal"/> mails).</summary>
public sealed record HerinneringVerstuurd(int? Aantal) : GovernanceJournalEntry
{
    public const string KindName = "herinnering";

    public override string Kind => KindName;

    public override JsonObject ToData() => new() { ["aantal"] = Aantal };

    public static HerinneringVerstuurd Read(StoredJournalData stored) => new(stored.Integer("aantal"));

    public override string Sentence(JournalReading reading) => Aantal switch
    {
        0 => "Geen herinnering nodig: iedereen had al geantwoord",
        1 => "Herinnering gestuurd aan 1 ontvanger die nog niet antwoordde",
        { } count => $"Herinnering gestuurd aan {JournalWords.Count(count, "ontvanger", "ontvangers")} die nog niet antwoordden",
        null => "Herinnering gestuurd aan wie nog niet antwoordde",
    };
}
