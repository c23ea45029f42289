using System.Globalization;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace AdviesRoute.Host.Mail;

/// <summary>One mail in the pickup folder, as the mailbox list shows it.</summary>
public sealed record PickupMail(string Id, DateTimeOffset? Date, string To, string Subject);

/// <summary>
/// The local pickup folder: every mail one <c>.eml</c> file named <c>{UTC time}_{Message-Id}.eml</c>, so the
/// folder sorts by time and a mail written again (the outbox delivers at least once) replaces its earlier copy.
/// The file name without <c>.eml</c> is the mail's id on the mailbox page.
/// </summary>
public sealed partial class PickupFolder(IOptions<MailOptions> options, TimeProvider time)
{
    private const string Extension = ".eml";

    // An .eml file has CRLF line ends, as on the wire, whatever the platform's are.
    private static readonly FormatOptions EmlFormat = CreateEmlFormat();

    // Writes of the same Message-Id must not race to create two files.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public string Path => options.Value.PickupFolder;

    /// <summary>Writes the message atomically: to a temporary file first, flushed to disk, then renamed over the final name.</summary>
    public async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // A mail holds a member's personal link: the folder and its files are readable by the service's user only.
        PrivateFiles.CreateDirectory(Path);
        var safeId = SafeMessageId(message.MessageId);
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var existing = Directory.EnumerateFiles(Path, "*_" + safeId + Extension).Order(StringComparer.Ordinal).FirstOrDefault();
            var target = existing ?? System.IO.Path.Combine(Path, $"{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}_{safeId}{Extension}");
            var temporary = System.IO.Path.Combine(Path, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var stream = PrivateFiles.CreateNew(temporary, useAsync: true, bufferSize: 64 * 1024))
                {
                    await message.WriteToAsync(EmlFormat, stream, cancellationToken);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            return System.IO.Path.GetFileNameWithoutExtension(target);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The mails in the folder, newest first; only the headers are read.</summary>
    public IReadOnlyList<PickupMail> List(int max = 500)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var mails = new List<PickupMail>();
        foreach (var file in Directory.EnumerateFiles(Path, "*" + Extension).Where(f => IsMailId(System.IO.Path.GetFileNameWithoutExtension(f)))
                     .OrderDescending(StringComparer.Ordinal).Take(max))
        {
            try
            {
                using var stream = File.OpenRead(file);
                var headers = new MimeParser(stream, MimeFormat.Entity).ParseHeaders();
                var date = headers[HeaderId.Date] is { } text && DateUtils.TryParse(text, out var parsed) ? parsed : (DateTimeOffset?)null;
                var to = headers[HeaderId.To] is { } list && InternetAddressList.TryParse(list, out var addresses)
                    ? string.Join(", ", addresses.Mailboxes.Select(m => m.Address))
                    : "";
                mails.Add(new PickupMail(System.IO.Path.GetFileNameWithoutExtension(file), date, to, headers[HeaderId.Subject] ?? ""));
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                // removed or half-written by hand meanwhile: leave it out of the list
            }
        }

        return mails;
    }

    /// <summary>
    /// The mail with this id, or null. Only a well-formed id that names a file actually in the folder is opened, so
    /// no id can reach a file elsewhere (<c>../</c>, absolute paths, other extensions).
    /// </summary>
    public MimeMessage? Find(string? id)
    {
        if (id is null || !IsMailId(id) || !Directory.Exists(Path))
        {
            return null;
        }

        var file = Directory.EnumerateFiles(Path, "*" + Extension)
            .FirstOrDefault(f => string.Equals(System.IO.Path.GetFileName(f), id + Extension, StringComparison.Ordinal));
        if (file is null)
        {
            return null;
        }

        try
        {
            return MimeMessage.Load(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static FormatOptions CreateEmlFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    /// <summary>The Message-Id as it may stand in a file name: letters, digits, <c>.</c>, <c>-</c> and <c>@</c>; anything else becomes <c>_</c>.</summary>
    internal static string SafeMessageId(string? messageId)
    {
        var bare = string.IsNullOrWhiteSpace(messageId) ? Guid.NewGuid().ToString("N") : MailMessageFactory.BareMessageId(messageId);
        var safe = UnsafeFileNameCharacters().Replace(bare, "_");
        while (safe.Contains("..", StringComparison.Ordinal))
        {
            safe = safe.Replace("..", "._", StringComparison.Ordinal);
        }

        return safe;
    }

    internal static bool IsMailId(string id) => MailIdPattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("[^A-Za-z0-9.@-]")]
    private static partial Regex UnsafeFileNameCharacters();

    [GeneratedRegex(@"\A[0-9]{8}T[0-9]{9}Z_[A-Za-z0-9.@_-]{1,200}\z")]
    private static partial Regex MailIdPattern();
}
