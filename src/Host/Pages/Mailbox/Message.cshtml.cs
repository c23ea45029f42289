using System.Text.RegularExpressions;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdviesRoute.Host.Pages.Mailbox;

/// <summary>One mail of the local mailbox: headers, the HTML in a sandbox, the plain text and the attachments.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed partial class MessageModel(IOptions<MailOptions> options, PickupFolder folder) : PageModel
{
    /// <summary>
    /// Put into the head of the HTML shown in the frame, so a link in the mail (an approval link to this host, which
    /// refuses to be framed) opens in the whole window instead of inside the frame.
    /// </summary>
    public const string FrameBase = "<base target=\"_top\">";

    public string Id { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public DateTimeOffset? Date { get; private set; }

    public string MessageId { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    public string? TextBody { get; private set; }

    public IReadOnlyList<AttachmentView> Attachments { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (Open(id) is not { } message)
        {
            return NotFound();
        }

        Id = id;
        Subject = message.Subject ?? "";
        From = message.From.ToString();
        To = message.To.ToString();
        Date = message.Date == DateTimeOffset.MinValue ? null : message.Date;
        MessageId = message.MessageId ?? "";
        HtmlBody = message.HtmlBody;
        TextBody = message.TextBody;
        Attachments = AttachmentsOf(message).Select((part, index) => new AttachmentView(index, part.FileName ?? $"bijlage-{index + 1}", part.ContentType.MimeType, Decode(part).LongLength)).ToList();
        return Page();
    }

    /// <summary>
    /// Downloads an attachment. Always as an opaque download, whatever type the mail claims, so an HTML or SVG
    /// attachment cannot run in this site's origin.
    /// </summary>
    public IActionResult OnGetAttachment(string id, int index)
    {
        if (Open(id) is not { } message || AttachmentsOf(message).ElementAtOrDefault(index) is not { } part)
        {
            return NotFound();
        }

        return File(Decode(part), "application/octet-stream", part.FileName ?? $"bijlage-{index + 1}");
    }

    /// <summary>
    /// The mail's HTML with <see cref="FrameBase"/> at the start of its head: after <c>&lt;head&gt;</c> when it has
    /// one, else after the doctype (a doctype that is not first would put the page in quirks mode), else first.
    /// </summary>
    public static string FrameDocument(string html)
    {
        var head = HeadTag().Match(html);
        if (head.Success)
        {
            return html.Insert(head.Index + head.Length, FrameBase);
        }

        var doctype = Doctype().Match(html);
        return doctype.Success ? html.Insert(doctype.Index + doctype.Length, FrameBase) : FrameBase + html;
    }

    [GeneratedRegex(@"<head(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();

    [GeneratedRegex(@"\A\s*<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    private MimeMessage? Open(string id) => options.Value.UsesPickupFolder ? folder.Find(id) : null;

    private static List<MimePart> AttachmentsOf(MimeMessage message) => message.Attachments.OfType<MimePart>().ToList();

    private static byte[] Decode(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    public sealed record AttachmentView(int Index, string FileName, string ContentType, long Size);
}
