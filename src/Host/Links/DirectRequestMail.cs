using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
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
    public Task<bool> QueueAsync(string instanceId, InstanceView instance, OpenRequest request, Member to, string? note, string? key, CancellationToken cancellationToken) =>
        QueueAsync(instanceId, instance.Input, instance.AllBookmarks().First(b => b.Id == request.BookmarkId).Payload, request, to, note, key, cancellationToken);

    /// <summary>As the overload with an <see cref="InstanceView"/>, for a caller that holds the instance's stored state.</summary>
    public Task<bool> QueueAsync(string instanceId, InstanceState state, OpenRequest request, Member to, string? note, string? key, CancellationToken cancellationToken) =>
        QueueAsync(instanceId, state.Input, state.AllBookmarks().First(b => b.Id == request.BookmarkId).Payload, request, to, note, key, cancellationToken);

    /// <param name="input">The instance's input, for the proposal's title, summary and documents.</param>
    /// <param name="bookmark">What the request's bookmark carries: the seat or body asked, the choices, the deadline.</param>
    private async Task<bool> QueueAsync(string instanceId, JsonObject input, JsonObject? bookmark, OpenRequest request, Member to, string? note, string? key, CancellationToken cancellationToken)
    {
        var round = request.Round ?? throw new InvalidOperationException("Dit verzoek hoort niet bij een ronde met persoonlijke links.");
        var (targetKind, targetId) = bookmark?["zetel"] is { } seat ? ("zetel", seat.GetValue<string>()) : ("orgaan", bookmark!["orgaan"]!.GetValue<string>());
        var earlier = await host.MailLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.InstanceId == instanceId && l.ActivityId == request.ActivityId && l.Round == round && l.TargetKind == targetKind && l.TargetId == targetId, cancellationToken);
        var kind = earlier?.Kind ?? (targetKind == "zetel" ? "verzoekStem" : targetId.StartsWith("college-", StringComparison.Ordinal) ? "verzoekColleges" : "verzoekZienswijze");
        var (subject, text) = RequestMails.Defaults[kind];
        var expires = earlier?.ExpiresAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : time.GetUtcNow().AddDays(7);
        var body = directory.Current.Model.FindBody(bookmark!["orgaan"]!.GetValue<string>());
        var payload = new JsonObject
        {
            ["soort"] = kind,
            ["activiteit"] = request.ActivityId,
            ["ronde"] = round,
            [targetKind] = targetId,
            ["aan"] = new JsonObject { ["lid"] = to.Id, ["naam"] = to.Name, ["email"] = to.Email },
            ["orgaanId"] = bookmark["orgaan"]?.DeepClone(),
            ["orgaanNaam"] = body?.Name,
            ["keuzes"] = bookmark["keuzes"]?.DeepClone(),
            ["uiterlijk"] = bookmark["uiterlijk"]?.DeepClone(),
            ["verlooptOp"] = expires.ToString("O", CultureInfo.InvariantCulture),
            ["onderwerp"] = subject,
            ["tekst"] = note is null ? text : text + "\n\n" + note,
            ["voorstel"] = new JsonObject
            {
                ["titel"] = input["titel"]?.DeepClone(),
                ["samenvatting"] = input["samenvatting"]?.DeepClone(),
                ["documenten"] = input["documenten"]?.DeepClone(),
            },
        };

        return await outbox.EnqueueAsync(new OutboxEntry(RequestMails.OutboxKind, payload, instanceId, key), cancellationToken);
    }
}
