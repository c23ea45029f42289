using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Voting;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The count of a written round when it closed: all chose, the outcome was certain, or the deadline passed.</summary>
/// <param name="Resultaat">The result (stored as the outcome, the name of the <see cref="VoteResult"/>).</param>
/// <param name="Uitleg">The count explained in Dutch, as <see cref="VoteOutcome.Explanation"/> gives it.</param>
/// <param name="TermijnVerstreken">Whether the round closed because its deadline passed.</param>
public sealed record UitslagVastgesteld(VoteResult? Resultaat, string? Uitleg, bool TermijnVerstreken) : GovernanceJournalEntry
{
    public const string KindName = "uitslag";

    public override string Kind => KindName;

    public override string? Outcome => Resultaat?.ToString();

    public override JsonObject ToData() => new()
    {
        ["uitleg"] = Uitleg,
        ["termijnVerstreken"] = TermijnVerstreken,
    };

    public static UitslagVastgesteld Read(StoredJournalData stored) => new(
        Enum.TryParse<VoteResult>(stored.Outcome, ignoreCase: false, out var result) && Enum.IsDefined(result) ? result : null,
        stored.Text("uitleg"), stored.Boolean("termijnVerstreken") == true);

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        "Uitslag van de schriftelijke ronde: " + (Uitleg is null ? JournalWords.Code(Outcome) : JournalWords.Continuing(JournalWords.Clause(Uitleg))),
        TermijnVerstreken ? "geteld na het verstrijken van de termijn" : null);
}
