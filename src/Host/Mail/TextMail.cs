using System.Net;
using System.Text;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// A short mail of plain Dutch text (a code, a notice, a word to the secretariat) with its HTML made from that text:
/// one layout for all of them, every character escaped, paragraphs at blank lines, and readable on a phone.
/// </summary>
public static class TextMail
{
    public static OutgoingMail Create(string messageId, IReadOnlyList<MailAddress> to, string subject, string text) =>
        new(messageId, to, subject, Html(subject, text), text, []);

    public static string Html(string subject, string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em;overflow-wrap:anywhere\">");
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
