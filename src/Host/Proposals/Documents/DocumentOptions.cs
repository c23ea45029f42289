using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Proposals.Documents;

/// <summary>Configuration section <c>Documents</c>: what may be uploaded with a proposal.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>How many files one proposal form takes (each with its own "vertrouwelijk" box).</summary>
    public const int MaxFilesPerForm = 5;

    /// <summary>The largest file that is accepted, in MB (1 MB = 1024 × 1024 bytes).</summary>
    [Range(1, 500, ErrorMessage = "Documents:MaxSizeMegabytes ligt tussen 1 en 500.")]
    public int MaxSizeMegabytes { get; set; } = 25;

    public long MaxSizeBytes => MaxSizeMegabytes * 1024L * 1024L;

    /// <summary>
    /// The request body limit of the start form: every file at the limit, plus 1 MB for the other fields and the
    /// multipart framing. A bit above what a valid form can carry, so a file that is slightly too large still reaches
    /// the page and is refused with its name and size instead of a bare 413.
    /// </summary>
    public long MaxFormBytes => (MaxFilesPerForm * MaxSizeBytes) + (1024L * 1024L);
}
