namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// What is public now, read for the portal, the open-data API and the public search. Never yields a besloten proposal,
/// a vertrouwelijk stuk, a stuk meant for one body's members, remarks (toelichting), votes per member, anything withdrawn,
/// anything of a meeting whose convocation was not sent, or anything of a body that publishes nothing (see <see cref="PortalOptions"/>).
/// </summary>
public interface IPublicCatalog
{
    /// <summary>The bodies that publish anything, in the governance model's order.</summary>
    Task<IReadOnlyList<PublicBody>> BodiesAsync(CancellationToken ct);

    /// <summary>
    /// The meetings of a body with anything published, newest first; also future meetings of the jaarkalender
    /// (Published* null) so the portal can show what is coming.
    /// </summary>
    Task<IReadOnlyList<PublicMeeting>> MeetingsAsync(string bodyId, CancellationToken ct);

    /// <summary>Null when the meeting is unknown or its body publishes nothing.</summary>
    Task<PublicMeetingDetail?> MeetingAsync(string meetingId, CancellationToken ct);

    /// <summary>Null unless the document is public now (published, not confidential, not withdrawn).</summary>
    Task<PublicDocument?> DocumentAsync(string documentId, CancellationToken ct);

    /// <summary>The content of a public document; null unless public now.</summary>
    Task<PublicFile?> DocumentFileAsync(string documentId, CancellationToken ct);

    /// <summary>Newest publications first (agenda with its stukken, besluitenlijst), for the Atom feed and open data.</summary>
    Task<IReadOnlyList<PublicationEntry>> RecentAsync(int count, CancellationToken ct);

    /// <summary>For search: the ids of proposals and of documents that are public now.</summary>
    Task<PublicIds> PublicIdsAsync(CancellationToken ct);

    /// <summary>What was published of a meeting and withdrawn since, with the reasons (for the portal's 410 answers); empty when nothing.</summary>
    Task<IReadOnlyList<PublicWithdrawal>> WithdrawalsAsync(string meetingId, CancellationToken ct);

    /// <summary>A stuk that was public and was withdrawn (for its 410 page); null otherwise.</summary>
    Task<PublicWithdrawal?> WithdrawnDocumentAsync(string documentId, CancellationToken ct);
}

public sealed record PublicBody(string Id, string Name, bool PublishesAgenda, bool PublishesBesluitenlijst)
{
    /// <summary>Whether the agenda carries the public stukken.</summary>
    public bool PublishesStukken { get; init; }
}

/// <param name="AgendaPublishedAt">UTC; null = not (yet) published, or withdrawn.</param>
/// <param name="BesluitenlijstPublishedAt">UTC; null = not (yet) published, or withdrawn.</param>
public sealed record PublicMeeting(string Id, string BodyId, string BodyName, DateOnly Date, TimeOnly Time, string Place,
    DateTime? AgendaPublishedAt, DateTime? BesluitenlijstPublishedAt);

/// <param name="Agenda">Empty while the agenda is not published.</param>
/// <param name="Besluitenlijst">Empty while the besluitenlijst is not published.</param>
/// <param name="AdoptionSentence">"Vastgesteld in de vergadering van …", once the besluitenlijst is published.</param>
public sealed record PublicMeetingDetail(PublicMeeting Meeting, IReadOnlyList<PublicAgendaItem> Agenda,
    IReadOnlyList<PublicDecision> Besluitenlijst, string? AdoptionSentence);

/// <param name="KindWords">"hamerstuk", "bespreekstuk", "eigen agendapunt" or "vast agendapunt".</param>
/// <param name="ProposalId">The proposal's id for a proposal's item; null for a standard or own item.</param>
public sealed record PublicAgendaItem(int Number, string Title, string KindWords, string? ProposalId,
    IReadOnlyList<string> DecisionPoints, IReadOnlyList<PublicDocument> Documents);

/// <param name="Outcome">In words ("vastgesteld", "gewijzigd vastgesteld").</param>
/// <param name="Tally">The count sentence of a vote ("Aangenomen met … 3 voor, 1 tegen …"); never the votes per member.</param>
public sealed record PublicDecision(int Number, string Title, IReadOnlyList<string> DecisionPoints, string Outcome, string? Tally,
    IReadOnlyList<PublicDocument> Documents)
{
    /// <summary>The decided proposal's id.</summary>
    public string? ProposalId { get; init; }

    /// <summary>Whether the beslispunten are as the meeting amended them.</summary>
    public bool Amended { get; init; }
}

/// <param name="WooCategory">The Woo information category in words (art. 3.3 lid 2 Woo), from <see cref="PortalOptions.WooCategories"/>.</param>
/// <param name="PublishedAt">UTC: when the agenda it came with was published.</param>
public sealed record PublicDocument(string Id, string Name, string ContentType, long Size, string ProposalId, string ProposalTitle,
    string MeetingId, string BodyId, string BodyName, DateOnly MeetingDate, string WooCategory, DateTime PublishedAt)
{
    /// <summary>The document's portal address: <c>/openbaar/stukken/{id}/{name}</c>.</summary>
    public string Path => PortalPaths.Document(Id, Name);
}

public sealed record PublicFile(PublicDocument Document, byte[] Content);

/// <param name="Id">The publication's stable id (the Atom entry's id is made from it).</param>
/// <param name="Kind">"agenda" or "besluitenlijst".</param>
/// <param name="Path">The site-relative portal address of the meeting.</param>
public sealed record PublicationEntry(string Id, string Kind, string MeetingId, string Title, string Summary, DateTime PublishedAt, string Path);

public sealed record PublicIds(IReadOnlySet<string> ProposalIds, IReadOnlySet<string> DocumentIds);

/// <summary>Something taken off the portal: an agenda, a besluitenlijst or one stuk.</summary>
/// <param name="Kind">"agenda", "besluitenlijst" or "stuk".</param>
/// <param name="What">In words: "De agenda en de openbare stukken", "De besluitenlijst", or the stuk's name.</param>
/// <param name="DocumentId">For a stuk: its id.</param>
/// <param name="WithdrawnAt">UTC.</param>
public sealed record PublicWithdrawal(string Kind, string What, string? DocumentId, string MeetingId, DateTime WithdrawnAt, string Reason);

/// <summary>The portal's addresses, in one place (others link to them).</summary>
public static class PortalPaths
{
    public const string Home = "/openbaar";

    public static string Body(string bodyId) => $"/openbaar/organen/{Uri.EscapeDataString(bodyId)}";

    public static string Meeting(string meetingId) => $"/openbaar/vergaderingen/{Uri.EscapeDataString(meetingId)}";

    public static string AgendaPdf(string meetingId) => Meeting(meetingId) + "/agenda.pdf";

    public static string BesluitenlijstPdf(string meetingId) => Meeting(meetingId) + "/besluitenlijst.pdf";

    public static string Document(string documentId, string name) => $"/openbaar/stukken/{Uri.EscapeDataString(documentId)}/{Uri.EscapeDataString(name)}";

    public const string Jaarkalender = "/openbaar/jaarkalender";

    public const string Toegankelijkheid = "/openbaar/toegankelijkheid";

    public const string Feed = "/openbaar/feed.atom";

    public const string Sitemap = "/sitemap.xml";
}
