namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A convocation that went out for a meeting: when, by whom, to how many members, with how many items.</summary>
public sealed class Convocation
{
    /// <summary>A GUID ("N" format).</summary>
    public string Id { get; set; } = "";

    public string MeetingId { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime SentAt { get; set; }

    public string SentBy { get; set; } = "";

    public int Recipients { get; set; }

    public int Items { get; set; }
}
