using AdviesRoute.Host.Portal.Publishing;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>From the catalog's records to the API's answers: the same facts, with addresses and times in UTC.</summary>
internal static class OpenDataMapping
{
    /// <summary>What every document the catalog gives is: a stuk with an agenda item (the agenda and besluitenlijst are PDFs of the meeting).</summary>
    public const string DocumentKind = "vergaderstuk";

    public static OpenDataBody Body(PublicBody body, OpenDataLinks links) =>
        new(body.Id, body.Name, body.PublishesAgenda, body.PublishesBesluitenlijst, links.Meetings(body.Id), links.Absolute(PortalPaths.Body(body.Id)));

    public static OpenDataMeetingSummary Summary(PublicMeeting meeting, OpenDataLinks links) =>
        new(meeting.Id, meeting.BodyId, meeting.BodyName, meeting.Date, meeting.Time, meeting.Place,
            Utc(meeting.AgendaPublishedAt), Utc(meeting.BesluitenlijstPublishedAt), links.Meeting(meeting.Id), links.Absolute(PortalPaths.Meeting(meeting.Id)));

    public static OpenDataMeeting Meeting(PublicMeetingDetail detail, IReadOnlyList<PublicWithdrawal> withdrawals, OpenDataLinks links)
    {
        var meeting = detail.Meeting;
        return new OpenDataMeeting(meeting.Id, meeting.BodyId, meeting.BodyName, meeting.Date, meeting.Time, meeting.Place,
            Utc(meeting.AgendaPublishedAt), Utc(meeting.BesluitenlijstPublishedAt),
            detail.Agenda.Select(i => new OpenDataAgendaItem(i.Number, i.Title, i.KindWords, i.ProposalId, i.DecisionPoints,
                i.Documents.Select(d => Document(d, links)).ToList())).ToList(),
            detail.Besluitenlijst.Select(d => new OpenDataDecision(d.Number, d.Title, d.DecisionPoints, d.Outcome, d.Tally,
                d.Documents.Select(doc => Document(doc, links)).ToList())).ToList(),
            detail.AdoptionSentence,
            links.Absolute(PortalPaths.Meeting(meeting.Id)),
            meeting.AgendaPublishedAt is null ? null : links.Absolute(PortalPaths.AgendaPdf(meeting.Id)),
            meeting.BesluitenlijstPublishedAt is null ? null : links.Absolute(PortalPaths.BesluitenlijstPdf(meeting.Id)),
            withdrawals.Select(Withdrawal).ToList());
    }

    public static OpenDataDocument Document(PublicDocument document, OpenDataLinks links) =>
        new(document.Id, document.Name, DocumentKind, document.ContentType, document.Size, document.BodyId, document.BodyName,
            document.MeetingId, document.MeetingDate, document.ProposalId, document.ProposalTitle, document.WooCategory,
            Utc(document.PublishedAt), links.Absolute(document.Path), links.Document(document.Id));

    public static OpenDataPublication Publication(PublicationEntry entry, OpenDataLinks links) =>
        new(entry.Id, entry.Kind, entry.MeetingId, entry.Title, entry.Summary, Utc(entry.PublishedAt), links.Absolute(entry.Path), links.Meeting(entry.MeetingId));

    public static OpenDataWithdrawal Withdrawal(PublicWithdrawal withdrawal) =>
        new(withdrawal.Kind, withdrawal.What, withdrawal.DocumentId, Utc(withdrawal.WithdrawnAt), withdrawal.Reason);

    /// <summary>The catalog's times are UTC; the database hands them back without saying so.</summary>
    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}
