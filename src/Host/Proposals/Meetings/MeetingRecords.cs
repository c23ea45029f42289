namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// An item the secretary adds to a meeting's agenda besides the proposals and the standard items (a presentation, a
/// werkbezoek, a letter to discuss): a title and an optional text, ordered with the proposals.
/// </summary>
public sealed class FreeAgendaItem
{
    /// <summary>A GUID ("N" format).</summary>
    public string Id { get; set; } = "";

    public string MeetingId { get; set; } = "";

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public string? Text { get; set; }
}

/// <summary>How one member attended a meeting, as the secretary recorded it.</summary>
public sealed class MeetingAttendee
{
    public string MeetingId { get; set; } = "";

    /// <summary>The seat: a member of the body who is not a substitute.</summary>
    public string MemberId { get; set; } = "";

    /// <summary>"aanwezig", "kennisgeving" (afwezig met kennisgeving) or "vervangen" (see <see cref="Presences"/>).</summary>
    public string Presence { get; set; } = Presences.Aanwezig;

    /// <summary>With "vervangen": the plaatsvervanger who took the seat.</summary>
    public string? SubstituteId { get; set; }
}

/// <summary>The stored words of <see cref="MeetingAttendee.Presence"/>.</summary>
public static class Presences
{
    public const string Aanwezig = "aanwezig";
    public const string Kennisgeving = "kennisgeving";
    public const string Vervangen = "vervangen";
}

/// <summary>
/// What the secretary records of a meeting besides its items: when attendance was recorded and by whom, whether it was
/// convened again after a meeting without quorum, and the adoption of the previous meeting's besluitenlijst (its standard
/// item "besluitenlijst van de vorige vergadering").
/// </summary>
public sealed class MeetingRecord
{
    public string MeetingId { get; set; } = "";

    /// <summary>UTC; null while no attendance was recorded.</summary>
    public DateTime? AttendanceRecordedAt { get; set; }

    public string? AttendanceRecordedBy { get; set; }

    /// <summary>The meeting without quorum this meeting was convened again after (art. 20 Gemeentewet).</summary>
    public string? ReconvenedAfter { get; set; }

    /// <summary>The meeting whose besluitenlijst this meeting adopted.</summary>
    public string? MinutesOf { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? MinutesAdoptedAt { get; set; }

    public string? MinutesAdoptedBy { get; set; }

    /// <summary>The changes the meeting made to that besluitenlijst when adopting it; null when adopted unchanged.</summary>
    public string? MinutesChanges { get; set; }
}
