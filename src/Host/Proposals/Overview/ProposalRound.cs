using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>One party of a round as the round's table shows it.</summary>
/// <param name="Answer">The answer's Dutch label from the request's declaration; null while none was given.</param>
/// <param name="Text">The text that came with the answer (a zienswijze, a remark with a vote).</param>
public sealed record RoundRow(OpenRequest Request, string Party, string State, string? Answer, string? Text);

/// <summary>
/// A round in which several parties each answer the same request (the zienswijzen of the councils, the colleges'
/// answers, the members' written votes): one row per party, a tally, and the deadline once, with its rule.
/// </summary>
/// <param name="Deadline">"uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: …)": the deadline as the round computed it, with its rule.</param>
public sealed record ProposalRound(string ActivityId, string Step, RequestDeclaration Declared, IReadOnlyList<RoundRow> Rows, string? Deadline)
{
    /// <summary>"7 van 12 geantwoord: 4 positief, 2 positief met kanttekeningen, 1 negatief; 5 nog niet".</summary>
    public string Tally
    {
        get
        {
            var given = Rows.Where(r => r.Request.Choice is not null).ToList();
            var counts = Declared.Choices.Select(c => (c.Label, Count: given.Count(r => r.Request.Choice == c.Code)))
                .Concat(given.Where(r => Declared.Choices.All(c => c.Code != r.Request.Choice)).GroupBy(r => r.Answer ?? "").Select(g => (Label: g.Key, Count: g.Count())))
                .Where(c => c.Count > 0)
                .Select(c => $"{c.Count} {c.Label.ToLowerInvariant()}")
                .ToList();
            var open = Rows.Count - given.Count;
            // A written vote says "5 van 12 hebben gekozen", as the members' link page does.
            var done = Declared.Answerer == Answerer.Seat ? (given.Count == 1 ? "heeft gekozen" : "hebben gekozen") : "geantwoord";
            return $"{given.Count} van {Rows.Count} {done}{(counts.Count == 0 ? "" : ": " + string.Join(", ", counts))}{(open == 0 ? "" : $"; {open} nog niet")}";
        }
    }

    /// <summary>The rounds the proposal waits on now, each with all its parties, in the order their requests were made.</summary>
    /// <param name="requestOf">The declaration of the request a step waits on under a bookmark name.</param>
    public static IReadOnlyList<ProposalRound> Of(ProposalDetail proposal, Func<string, string, RequestDeclaration?> requestOf, IReadOnlyDictionary<string, string> names)
    {
        var rounds = new List<ProposalRound>();
        foreach (var group in proposal.Requests.Where(r => r.Round is not null).GroupBy(r => (r.ActivityId, r.Kind, r.Round)))
        {
            if (requestOf(group.Key.ActivityId, group.Key.Kind) is not { IsSomeonesAnswer: true } declared)
            {
                continue;
            }

            var rows = group.Select(r => new RoundRow(
                    r,
                    r.PassedOn ? $"{r.AskedOf} (nu: {string.Join(", ", r.Addressees.Select(a => a.Name))})" : r.AskedOf,
                    r.Choice is null ? "Nog niet" : "Geantwoord",
                    r.Choice is null ? null : declared.ChoiceLabel(r.Choice),
                    r.Choice is null ? null : TextOf(proposal.Instance, r)))
                .OrderBy(r => r.Party, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))
                .ToList();
            rounds.Add(new ProposalRound(group.Key.ActivityId, names.GetValueOrDefault(group.Key.ActivityId, declared.Title), declared, rows,
                group.Select(r => r.Deadline).FirstOrDefault(d => d is not null)));
        }

        return rounds;
    }

    /// <summary>
    /// The text given with an answer: a member's remark is kept in the step's state under its seat; a body's text in the
    /// round's variable (the one holding the deadline), under the body.
    /// </summary>
    private static string? TextOf(InstanceView instance, OpenRequest request)
    {
        var payload = instance.FindBookmark(request.BookmarkId)?.Bookmark.Payload;
        if (payload?["zetel"]?.GetValue<string>() is { } seat)
        {
            return instance.ActivityState(request.ActivityId)?["stemmen"]?[seat]?["toelichting"]?.GetValue<string>();
        }

        if (payload?["orgaan"]?.GetValue<string>() is not { } body)
        {
            return null;
        }

        foreach (var round in instance.Variables.Values.OfType<JsonObject>().Where(v => v["termijn"] is JsonObject))
        {
            foreach (var (_, parties) in round)
            {
                if (parties is JsonObject byBody && byBody[body] is JsonObject entry && entry["naam"] is not null)
                {
                    return entry["tekst"]?.GetValue<string>();
                }
            }
        }

        return null;
    }
}
