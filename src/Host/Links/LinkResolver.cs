using AdviesRoute.Activities.Calendar;
using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Answers;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Host.Links;

/// <summary>What a personal link leads to now.</summary>
public enum LinkStatus
{
    /// <summary>No such token (unknown, altered or random): the page reveals nothing.</summary>
    NotFound,

    /// <summary>The round is open and the person may choose, or change the choice.</summary>
    Open,

    /// <summary>The round has closed; the page only shows what was chosen.</summary>
    Closed,

    /// <summary>The step was entered again after rework: this link's round is over.</summary>
    EarlierRound,

    /// <summary>The step's deadline has passed.</summary>
    Expired,

    /// <summary>The person's term ended: the request passed to the successor.</summary>
    PassedOn,

    /// <summary>
    /// The link was withdrawn (by a secretary, or because the person's address changed) and a new one sent: the page
    /// shows nothing of the proposal and records nothing.
    /// </summary>
    Revoked,
}

/// <summary>A link and the request it leads to, as they stand.</summary>
/// <param name="Request">The request as its step declares it: its title, choices with their labels and fields.</param>
/// <param name="Refusal">Why the person may not answer (the seat rule's words), when <see cref="Status"/> is <see cref="LinkStatus.PassedOn"/>.</param>
public sealed record ResolvedLink(LinkStatus Status, MailLink? Link, JsonObject? Proposal = null, string? BookmarkId = null,
    string? Choice = null, DateTimeOffset? ChosenAt = null, string? Deadline = null,
    string? BodyName = null, string? Successor = null, string? BodyId = null, RequestDeclaration? Request = null, string? Refusal = null)
{
    /// <summary>What a person reads for a choice.</summary>
    public string ChoiceLabel(string code) => Request?.ChoiceLabel(code) ?? code;
}

/// <summary>
/// Finds the open request behind a link by its step, round and seat (or body), never by a bookmark id: a seat's
/// request is re-opened after each choice, and a step entered again starts a new round.
/// </summary>
public sealed class LinkResolver(HostDbContext host, IWorkflowReader workflows, IGovernanceDirectory directory, ActivityRegistry registry, TimeProvider time)
{

    public async Task<ResolvedLink> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!LinkTokens.LooksLikeToken(token))
        {
            return new ResolvedLink(LinkStatus.NotFound, null);
        }

        var hash = LinkTokens.Hash(token!);
        var link = await host.MailLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
        {
            return new ResolvedLink(LinkStatus.NotFound, null);
        }

        if (LinkRevocation.IsWithdrawn(link, directory.Current.Model))
        {
            return new ResolvedLink(LinkStatus.Revoked, link); // no proposal, no choices, no bookmark
        }

        var instance = await workflows.GetInstanceAsync(link.InstanceId, cancellationToken);
        if (instance is null)
        {
            return new ResolvedLink(LinkStatus.NotFound, null);
        }

        var activity = instance.ActivityState(link.ActivityId);
        var definition = await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken);
        var (choice, chosenAt) = ChoiceOf(activity, link);
        var waiting = instance.Waiting().FirstOrDefault(w => w.Token.ActivityId == link.ActivityId
            && w.Bookmark.DueAt is null
            && RequestPayload.Read(w.Bookmark.Payload) is var asked
            && asked.Round == link.Round
            && (link.TargetKind == "zetel" ? asked.Seat : asked.Body) == link.TargetId);
        var snapshot = directory.Current;
        var payload = RequestPayload.Read(waiting.Bookmark?.Payload);
        var bodyId = payload.Body;
        var bodyName = bodyId is null ? null : snapshot.Model.FindBody(bodyId)?.Name;
        var resolved = new ResolvedLink(LinkStatus.Open, link, instance.Input, waiting.Bookmark?.Id,
            choice, chosenAt, payload.DeadlineText, bodyName, BodyId: bodyId,
            Request: definition is null ? null : StepDeclarations.Request(registry, definition, link.ActivityId, RequestName(link)));

        var expired = time.GetUtcNow().UtcDateTime > link.ExpiresAt;
        if (waiting.Bookmark is null)
        {
            var currentRound = activity?["ronde"]?.GetValue<int>() ?? link.Round;
            return resolved with
            {
                Status = currentRound > link.Round ? LinkStatus.EarlierRound : expired && choice is null ? LinkStatus.Expired : LinkStatus.Closed,
            };
        }

        if (expired)
        {
            return resolved with { Status = LinkStatus.Expired };
        }

        // The step asks the same rule when the choice comes in, so the page never offers what would be refused.
        var today = DutchTime.Today(time.GetUtcNow());
        var person = snapshot.Model.FindMember(link.MemberId);
        var check = person is null ? null
            : link.TargetKind == "zetel" && snapshot.Model.FindMember(link.TargetId) is { } seat ? SeatRule.ForSeat(snapshot.Model, seat, person, today)
            : link.TargetKind == "orgaan" && snapshot.Model.FindBody(link.TargetId) is { } body ? SeatRule.ForBody(body, person, today)
            : null;
        if (person is null || check is { Allowed: false })
        {
            // A term that ended reads personally ("Uw zittingstermijn is geëindigd"); any other refusal in the rule's words.
            return resolved with { Status = LinkStatus.PassedOn, Successor = check?.Holder?.Name, Refusal = check?.Verdict == SeatVerdict.TermEnded ? null : check?.Refusal };
        }

        return resolved;
    }

    /// <summary>The bookmark a link's request waits under: a seat's vote, or a body's answer.</summary>
    private static string RequestName(MailLink link) => link.TargetKind == "zetel" ? VotingActivity.VoteBookmark : AnswerRound.AnswerBookmark;

    private static (string? Choice, DateTimeOffset? At) ChoiceOf(JsonObject? activity, MailLink link)
    {
        var entry = link.TargetKind == "zetel" ? activity?["stemmen"]?[link.TargetId] : activity?["antwoorden"]?[link.TargetId];
        var choice = (entry?["keuze"] ?? entry?["antwoord"])?.GetValue<string>();
        var at = entry?["op"] is JsonValue v && DateTimeOffset.TryParse(v.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : (DateTimeOffset?)null;
        return (choice, at);
    }
}
