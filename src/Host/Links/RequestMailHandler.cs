using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Workflows.Outbox;

namespace AdviesRoute.Host.Links;

/// <summary>Delivers a request (outbox kind <c>verzoek</c>); delivered twice, the same link and Message-Id go out again.</summary>
internal sealed class RequestMailHandler(RequestDelivery delivery) : IOutboxHandler
{
    public bool CanHandle(string kind) => kind == RequestMails.OutboxKind;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) => delivery.DeliverAsync(message, cancellationToken);
}
