using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Proposals.Start;

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

    /// <summary>
    /// The body (e.g. "ab") whose members alone may read this document through their links; null for everyone the
    /// proposal reaches. Set by the secretary when adding a document to a running proposal.
    /// </summary>
    public string? ForBodyId { get; set; }

    public string UploadedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }

    public static ProposalDocument From(NewDocument document, string uploadedBy, DateTime uploadedAt) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        FileName = document.FileName,
        ContentType = DocumentInspection.ContentType(document.Kind),
        Size = document.Content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Content)),
        Content = document.Content,
        Confidential = document.Confidential,
        UploadedBy = uploadedBy,
        UploadedAt = uploadedAt,
    };

    /// <summary>
    /// The document as the proposal's <c>documenten</c> input lists it. A link page swaps the url for
    /// <c>/verzoek/{token}/stukken/{id}</c> when an id is present.
    /// </summary>
    public static JsonObject InputEntry(ProposalDocument document, string publicBaseUrl)
    {
        var entry = new JsonObject
        {
            ["naam"] = document.FileName,
            ["url"] = $"{publicBaseUrl.TrimEnd('/')}/documenten/{document.Id}",
            ["id"] = document.Id,
            ["vertrouwelijk"] = document.Confidential,
        };
        if (document.ForBodyId is not null)
        {
            entry["alleenVoor"] = document.ForBodyId;
        }

        return entry;
    }
}
