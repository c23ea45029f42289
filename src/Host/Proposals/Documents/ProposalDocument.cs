namespace AdviesRoute.Host.Proposals.Documents;

/// <summary>
/// A document uploaded with a proposal. Stored before the instance exists (so nothing is started when storing fails)
/// and attached to the instance once it has started; <see cref="InstanceId"/> stays null until then.
/// </summary>
public sealed class ProposalDocument
{
    /// <summary>A GUID ("N" format): unguessable enough that a URL does not reveal other documents.</summary>
    public string Id { get; set; } = "";

    public string? InstanceId { get; set; }

    /// <summary>The name as the uploader's computer gave it, without any folder.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The content type found from the content, never the one the browser claimed.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lowercase hex.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    /// <summary>A confidential document opens for a member only after the one-time code (see <c>ConfidentialDocuments</c>).</summary>
    public bool Confidential { get; set; }

    public string UploadedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }
}
