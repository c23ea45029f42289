using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AdviesRoute.Host.Proposals.Start;

/// <summary>A file as it came in: its content when within the limit, else only its real size.</summary>
/// <param name="Content">Null when the file was larger than the limit; then only <paramref name="Size"/> is known.</param>
public sealed record UploadedFile(string FieldName, string FileName, long Size, byte[]? Content);

/// <summary>
/// The start form, read from the request body as a stream instead of through the framework's form reader. That way a
/// file over the limit is measured and refused by name ("is 31 MB; de grens is 25 MB") while the typed fields,
/// which the browser sends before the files, are kept; and a body over the form's limit still gets the form back
/// instead of a bare 413. No file is held in memory beyond the limit plus one byte.
/// </summary>
public sealed class UploadForm
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxSections = 64;

    private UploadForm(Dictionary<string, StringValues> fields, List<UploadedFile> files, bool tooLarge, string? unreadable = null)
    {
        Unreadable = unreadable;
        Fields = fields;
        Files = files;
        TooLarge = tooLarge;
    }

    public IReadOnlyDictionary<string, StringValues> Fields { get; }

    public IReadOnlyList<UploadedFile> Files { get; }

    /// <summary>The body was larger than the form may be; what came before the limit is in the fields and files.</summary>
    public bool TooLarge { get; }

    /// <summary>Why this is not a form this page sent (no multipart body, no boundary, broken framing); null when it is.</summary>
    public string? Unreadable { get; }

    /// <summary>The body was refused up front as larger than the form may be: not even the typed fields were read.</summary>
    public bool NothingRead => TooLarge && Fields.Count == 0;

    /// <summary>The fields read, as a form.</summary>
    public FormCollection Form => _form ??= new(Fields.ToDictionary(f => f.Key, f => f.Value));

    private FormCollection? _form;

    private static UploadForm Refused(string reason) => new([], [], tooLarge: false, reason);

    /// <summary>
    /// Makes the fields read the request's form and checks its anti-forgery token, which the pages put first so it is
    /// read even when a file is too large. A body of which nothing was read has no token to check (and stores nothing).
    /// </summary>
    /// <returns>False when the token is missing or wrong; the page answers 400.</returns>
    public async Task<bool> AntiforgeryHoldsAsync(HttpContext http, IAntiforgery antiforgery, ILogger logger)
    {
        http.Features.Set<IFormFeature>(new FormFeature(Form));
        if (NothingRead)
        {
            return true;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogInformation("Upload form refused: {Reason}", ex.Message);
            return false;
        }
    }

    /// <param name="maxFileBytes">The largest file whose content is kept.</param>
    /// <param name="maxBodyBytes">The largest body read; also set as the server's limit for this request.</param>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, long maxFileBytes, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Refused("no multipart/form-data body with a boundary");
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var files = new List<UploadedFile>();
        if (request.ContentLength > maxBodyBytes)
        {
            return new UploadForm(fields, files, tooLarge: true); // the server would refuse the first read: read nothing
        }

        // Above the server's default (30 MB) when five files of the configured size are allowed, and bounded for a
        // chunked body that announces no length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = maxBodyBytes;
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        var read = 0L;
        try
        {
            for (var sections = 0; await reader.ReadNextSectionAsync(cancellationToken) is { } section; sections++)
            {
                if (sections >= MaxSections || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return Refused("too many sections, or a section that is not form-data");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var (content, size) = await ReadLimitedAsync(section.Body, disposition.IsFileDisposition() ? maxFileBytes : MaxFieldBytes,
                    maxBodyBytes - read, cancellationToken);
                read += size;
                if (read > maxBodyBytes)
                {
                    return new UploadForm(fields, files, tooLarge: true);
                }

                if (disposition.IsFileDisposition())
                {
                    var fileName = FileNameOf(disposition);
                    if (fileName.Length > 0 || size > 0)
                    {
                        files.Add(new UploadedFile(name, fileName, size, content));
                    }
                }
                else if (content is null)
                {
                    return Refused($"text field '{name}' is longer than 64 KB");
                }
                else
                {
                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), Encoding.UTF8.GetString(content));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new UploadForm(fields, files, tooLarge: true);
        }
        catch (IOException ex)
        {
            return Refused("broken multipart framing, or the client went away: " + ex.Message);
        }

        return new UploadForm(fields, files, tooLarge: false);
    }

    /// <summary>Keeps up to <paramref name="keep"/> bytes and counts the rest without keeping it, up to <paramref name="budget"/>.</summary>
    private static async Task<(byte[]? Content, long Size)> ReadLimitedAsync(Stream body, long keep, long budget, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        var size = 0L;
        int n;
        while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (size + n <= keep)
            {
                kept.Write(buffer, 0, n);
            }

            size += n;
            if (size > budget)
            {
                break; // over the whole form's limit: stop reading here
            }
        }

        return (size <= keep ? kept.ToArray() : null, size);
    }

    /// <summary>The name without any folder (old browsers send the full path).</summary>
    private static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return new string(name.Where(c => !char.IsControl(c)).ToArray());
    }
}
