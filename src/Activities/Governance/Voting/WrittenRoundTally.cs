using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Governance.Voting;

/// <summary>One seat's choice in a written round, as the step keeps it.</summary>
/// <param name="Name">Who chose (the member, or their substitute or successor).</param>
/// <param name="Text">The remark given with the choice; null when none.</param>
public sealed record WrittenVote(string Seat, string Name, string Choice, string? Text);

/// <summary>
/// Where a written round stands, read from the state the advice or decision step keeps (<c>zetels</c>, the seats asked;
/// <c>stemmen</c>, each seat's latest choice): how many seats chose, how many per choice, and each seat's choice and
/// text. The link page and the proposal page show it, so a member sees the round they take part in.
/// </summary>
public sealed record WrittenRoundTally(int Seats, IReadOnlyList<WrittenVote> Votes, IReadOnlyList<(AnswerChoice Choice, int Count)> PerChoice)
{
    /// <summary>The round's state of the step, or null when the step keeps no written round (a meeting, or not begun).</summary>
    public static WrittenRoundTally? Read(JsonObject? state, IReadOnlyList<AnswerChoice> choices)
    {
        if (state?["fase"]?.GetValue<string>() != "schriftelijk" && state?["stemmen"] is null || state?["zetels"] is not JsonArray seats)
        {
            return null;
        }

        var votes = new List<WrittenVote>();
        if (state["stemmen"] is JsonObject cast)
        {
            foreach (var (seat, vote) in cast)
            {
                if (vote?["keuze"]?.GetValue<string>() is { } choice)
                {
                    votes.Add(new WrittenVote(seat, vote["naam"]?.GetValue<string>() ?? seat, choice, vote["toelichting"]?.GetValue<string>()));
                }
            }
        }

        return new WrittenRoundTally(seats.Count, votes, [.. choices.Select(c => (c, votes.Count(v => v.Choice == c.Code)))]);
    }

    /// <summary>The choice of one seat; null while it has not chosen.</summary>
    public WrittenVote? Of(string seat) => Votes.FirstOrDefault(v => v.Seat == seat);

    /// <summary>"5 van 12 hebben gekozen" ("1 van 12 heeft gekozen", "nog niemand van de 12 heeft gekozen").</summary>
    public string Summary => Votes.Count == 0
        ? $"Nog niemand van de {DutchFormat.Number(Seats)} heeft gekozen"
        : $"{DutchFormat.Number(Votes.Count)} van {DutchFormat.Number(Seats)} {(Votes.Count == 1 ? "heeft" : "hebben")} gekozen";

    /// <summary>"3 voor, 1 tegen, 1 onthouding; 7 nog niet": every choice with its count, also a choice nobody made.</summary>
    public string Counts
    {
        get
        {
            var open = Seats - Votes.Count;
            return string.Join(", ", PerChoice.Select(c => $"{DutchFormat.Number(c.Count)} {c.Choice.Label.ToLowerInvariant()}"))
                + (open > 0 ? $"; {DutchFormat.Number(open)} nog niet" : "");
        }
    }
}
