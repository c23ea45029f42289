namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// A meeting's agenda (with its public stukken) or its besluitenlijst as published on the portal: when and by whom, and,
/// once a secretary withdrew it, when, by whom and why. One row per meeting and kind: sending the convocation again or
/// adopting again publishes nothing new.
/// </summary>
public sealed class Publication
{
    /// <summary>A GUID ("N" format); also the stable id of its entry in the Atom feed.</summary>
    public string Id { get; set; } = "";

    public string MeetingId { get; set; } = "";

    /// <summary><see cref="PublicationKinds.Agenda"/> or <see cref="PublicationKinds.Besluitenlijst"/>.</summary>
    public string Kind { get; set; } = PublicationKinds.Agenda;

    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>Who sent the convocation or recorded the adoption (the account name).</summary>
    public string PublishedBy { get; set; } = "";

    /// <summary>UTC; null while it stands.</summary>
    public DateTime? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>The stored words of <see cref="Publication.Kind"/>.</summary>
public static class PublicationKinds
{
    /// <summary>The agenda and the public stukken of a meeting (published when its convocation is sent).</summary>
    public const string Agenda = "agenda";

    /// <summary>The besluitenlijst of a meeting (published when the next meeting adopted it).</summary>
    public const string Besluitenlijst = "besluitenlijst";
}

/// <summary>One public stuk taken off the portal by a secretary, with the reason; the portal answers 410 for it from then on.</summary>
public sealed class DocumentWithdrawal
{
    /// <summary>The <see cref="Proposals.Documents.ProposalDocument"/>'s id.</summary>
    public string DocumentId { get; set; } = "";

    /// <summary>The meeting on whose page it was published.</summary>
    public string MeetingId { get; set; } = "";

    /// <summary>The file name as it was published (kept for the 410 page).</summary>
    public string FileName { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime WithdrawnAt { get; set; }

    public string WithdrawnBy { get; set; } = "";

    public string Reason { get; set; } = "";
}

/// <summary>
/// A line of a proposal's timeline about the portal that the engine's journal could not take because the proposal had
/// already ended (a besluitenlijst is usually adopted after the proposal's last step). Running proposals get the line
/// in their journal instead.
/// </summary>
public sealed class PublicationNote
{
    /// <summary>A GUID ("N" format).</summary>
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The account that acted.</summary>
    public string By { get; set; } = "";

    /// <summary>The Dutch sentence, naming the person.</summary>
    public string Sentence { get; set; } = "";
}
