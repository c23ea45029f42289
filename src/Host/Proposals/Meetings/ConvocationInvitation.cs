using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// The one calendar invitation of a meeting as its members last received it: its SEQUENCE (0 with the first convocation,
/// one higher with every convocation sent again and every update for an item added later) and the proposals it holds.
/// </summary>
public sealed class ConvocationInvitation
{
    public string MeetingId { get; set; } = "";

    /// <summary>The invitation's SEQUENCE as last sent; a concurrency token, so two updates at once cannot both take the same number.</summary>
    [ConcurrencyCheck]
    public int Sequence { get; set; }

    /// <summary>The ids of the proposals the invitation last sent holds, separated by a space.</summary>
    public string InstanceIds { get; set; } = "";

    /// <summary>UTC: when an item added later last updated the invitation; null while no update went out.</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>How many updates went out since the last convocation.</summary>
    public int Updates { get; set; }

    /// <summary>The proposal the last update added, so a retried delivery queues the same mails again (their keys keep them once-only).</summary>
    public string? LastAdded { get; set; }

    public IReadOnlySet<string> Items => InstanceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static string Join(IEnumerable<string> instanceIds) => string.Join(' ', instanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
