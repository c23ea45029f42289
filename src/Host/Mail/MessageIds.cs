using System.Text.RegularExpressions;
using AdviesRoute.Workflows.Outbox;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// The one maker of Message-Ids: <c>&lt;{outbox message id}@{Mail:MessageIdDomain}&gt;</c>. The engine calls it when it
/// writes an outbox message (as <see cref="IOutboxMessageIds"/>), so the id is stored with the message and stays the same
/// on every attempt, also when the domain is configured differently later. A row stored by an earlier version keeps the
/// Message-Id it was written with (<c>&lt;…@adviesroute&gt;</c>), so a mail sent again threads and deduplicates with
/// its first copy.
/// </summary>
public sealed partial class MessageIds(IOptions<MailOptions> options) : IOutboxMessageIds
{
    /// <inheritdoc />
    public string For(string outboxMessageId) => $"<{outboxMessageId}@{options.Value.EffectiveMessageIdDomain}>";

    /// <summary>The Message-Id of a message's mail: the one stored with it, else one made from its id.</summary>
    public string For(OutboxMessage message) => string.IsNullOrWhiteSpace(message.MessageId) ? For(message.Id) : message.MessageId.Trim();

    /// <summary>
    /// The Message-Id of one copy of a message that goes to several people one by one: <c>&lt;id.{copy}@domain&gt;</c>,
    /// derived from the message's own (as earlier versions did, so a copy sent again keeps its id).
    /// </summary>
    public string For(OutboxMessage message, int copy)
    {
        var id = For(message);
        var at = id.LastIndexOf('@');
        return id[..at] + "." + copy.ToString(System.Globalization.CultureInfo.InvariantCulture) + id[at..];
    }

    /// <summary>Whether <paramref name="domain"/> may stand after the <c>@</c> of a Message-Id: a dot-atom of host-name labels.</summary>
    public static bool IsDomain(string domain) => domain.Length <= 253 && DomainPattern().IsMatch(domain);

    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    private static partial Regex DomainPattern();
}
