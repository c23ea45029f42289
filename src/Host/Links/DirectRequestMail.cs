using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Queues a request mail outside a step: to a successor who takes over an open request, or again on the secretary's
/// demand. It goes into the outbox as the same kind a step writes (<c>verzoek</c>), so <see cref="RequestDelivery"/>
/// delivers it like any request: the link is the person's own for that step and round, of the current generation
/// (the same token as before, unless that one was revoked), made when the mail goes out.
/// </summary>
public sealed class DirectRequestMail(
    HostDbContext host,
    IGovernanceDirectory directory,
    IOutbox outbox,
    IWorkflowReader workflows,
    AdviesRoute.Workflows.Activities.ActivityRegistry registry,
    TimeProvider time)
{
    /// <summary>Whether the person was sent a link for the request's step and round (of any generation).</summary>
    public async Task<bool> HasLinkAsync(string instanceId, OpenRequest request, string memberId, CancellationToken cancellationToken)
    {
        var round = request.Round ?? 0;
        return await host.MailLinks.AnyAsync(l => l.InstanceId == instanceId && l.ActivityId == request.ActivityId && l.Round == round && l.MemberId == memberId, cancellationToken);
    }

    /// <param name="key">Once-only (see <see cref="OutboxEntry.Key"/>): a job that may run twice for the same cause names it; null for a mail that is new each time.</param>
    /// <returns>False when a mail with this key was queued before.</returns>
    public async Task<bool> QueueAsync(string instanceId, InstanceView state, OpenRequest request, Member to, string? note, string? key, CancellationToken cancellationToken)
    {
        var round = request.Round ?? throw new InvalidOperationException("Dit verzoek hoort niet bij een ronde met persoonlijke links.");
        var bookmark = state.AllBookmarks().First(b => b.Id == request.BookmarkId);
        var payload = RequestPayload.Read(bookmark.Payload);
        var bodyId = payload.Body ?? throw new InvalidOperationException("Dit verzoek noemt geen orgaan.");
        var (targetKind, targetId) = payload.Seat is { } seat ? ("zetel", seat) : ("orgaan", bodyId);
        var earlier = await host.MailLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.InstanceId == instanceId && l.ActivityId == request.ActivityId && l.Round == round && l.TargetKind == targetKind && l.TargetId == targetId, cancellationToken);
        var kind = earlier?.Kind ?? await MailKindAsync(state, request.ActivityId, bookmark.Name, cancellationToken);
        var (subject, text) = RequestMails.Defaults[kind];
        var expires = earlier?.ExpiresAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : time.GetUtcNow().AddDays(7);
        var mail = new RequestMail
        {
            RequestKind = kind,
            ActivityId = request.ActivityId,
            Round = round,
            Seat = targetKind == "zetel" ? targetId : null,
            Body = targetKind == "orgaan" ? targetId : null,
            To = MailRecipient.Of(to),
            BodyId = bodyId,
            BodyName = directory.Current.Model.FindBody(bodyId)?.Name,
            Choices = payload.Choices?.ToList(),
            Deadline = payload.DeadlineText,
            ExpiresAt = expires,
            Subject = subject,
            Text = note is null ? text : text + "\n\n" + note,
            Proposal = MailProposal.From(state.Input, documents: true),
        };

        return await outbox.EnqueueAsync(new OutboxEntry(RequestMails.OutboxKind, mail.ToJson(), instanceId, key), cancellationToken);
    }

    /// <summary>The kind of mail the step declares for the request (a BAC's advice is asked as advice, not as a vote).</summary>
    private async Task<string> MailKindAsync(InstanceView state, string activityId, string bookmarkName, CancellationToken cancellationToken) =>
        (await workflows.GetDefinitionModelAsync(state.DefinitionVersionId, cancellationToken) is { } definition
            ? StepDeclarations.Request(registry, definition, activityId, bookmarkName)?.MailKind
            : null)
        ?? throw new InvalidOperationException($"De stap {activityId} verstuurt geen verzoek per mail voor '{bookmarkName}'.");
}
