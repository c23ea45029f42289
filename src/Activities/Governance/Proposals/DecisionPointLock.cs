using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Activities.Governance.Proposals;

/// <summary>The DB's decision that fixed a proposal's beslispunten: when, and how it was said ("vastgesteld").</summary>
public sealed record DbDecision(long Sequence, DateTimeOffset At, string OutcomeWords);

/// <summary>
/// Whether a proposal's beslispunten may still change: the secretary changes them until the DB has decided. Read from the
/// journal alone: a DB step's outcome in a meeting (<see cref="VergaderingUitkomst"/>) or the count of its written round
/// (<see cref="UitslagVastgesteld"/>) that decided (vastgesteld, gewijzigd vastgesteld, verworpen). Which body a step
/// acts for is the body of the meeting it put the item on (<see cref="OpDeAgenda"/>) or of the written round it started
/// (<see cref="SchriftelijkeRondeGestart"/>). When the proposal comes back to the DB (sent back by the AB, or after the
/// colleges' bedenkingen), the DB takes it up again and the points are open until it decides again; an item held over
/// (aangehouden) or sent back (teruggestuurd) was not decided.
/// </summary>
public static class DecisionPointLock
{
    /// <summary>The id of the daily board in the governance model.</summary>
    public const string DailyBoard = "db";

    private static readonly HashSet<string> Deciding = new(StringComparer.Ordinal)
    {
        BesluitActivity.Vastgesteld, BesluitActivity.GewijzigdVastgesteld, BesluitActivity.Verworpen,
    };

    /// <summary>The DB's decision that holds now; null while the beslispunten may change.</summary>
    /// <param name="stepBodies">
    /// The body each step acts for as its route names it (activity id → body id), for a step that recorded an outcome without a
    /// meeting on the calendar; may be empty.
    /// </param>
    public static DbDecision? Find(IReadOnlyList<JournalEntry> journal, IReadOnlyDictionary<string, string>? stepBodies = null)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        DbDecision? decision = null;
        foreach (var entry in journal.OrderBy(e => e.Sequence))
        {
            if (entry.ActivityId is not { } step)
            {
                continue;
            }

            switch (GovernanceJournal.Read(entry))
            {
                case OpDeAgenda { Vergadering.Orgaan: { } body }:
                    bodies[step] = body;
                    if (body == DailyBoard)
                    {
                        decision = null; // the DB takes the item up (again)
                    }

                    break;
                case SchriftelijkeRondeGestart { Orgaan: { } body }:
                    bodies[step] = body;
                    if (body == DailyBoard)
                    {
                        decision = null;
                    }

                    break;
                case VergaderingUitkomst outcome when BodyOf(step, bodies, stepBodies) == DailyBoard && outcome.Uitkomst is { } port && Deciding.Contains(port):
                    decision = new DbDecision(entry.Sequence, entry.At, outcome.OutcomeWords);
                    break;
                case UitslagVastgesteld { Resultaat: VoteResult.Aangenomen or VoteResult.Verworpen } count when BodyOf(step, bodies, stepBodies) == DailyBoard:
                    decision = new DbDecision(entry.Sequence, entry.At, count.Resultaat == VoteResult.Aangenomen ? "vastgesteld" : "verworpen");
                    break;
            }
        }

        return decision;
    }

    /// <summary>The refusal of a change after the DB decided, as the page and the API say it.</summary>
    public static string Refusal(DbDecision decision) =>
        $"Het dagelijks bestuur heeft al besloten ({decision.OutcomeWords}, {JournalWords.Moment(decision.At)}): de beslispunten kunnen niet meer worden gewijzigd. "
        + "Een wijziging van het besluit zelf legt u vast als ‘Gewijzigd vastgesteld’ bij de uitkomst van de vergadering. Er is niets gewijzigd.";

    private static string? BodyOf(string step, Dictionary<string, string> fromJournal, IReadOnlyDictionary<string, string>? fromRoute) =>
        fromJournal.TryGetValue(step, out var body) ? body : fromRoute?.GetValueOrDefault(step);
}
