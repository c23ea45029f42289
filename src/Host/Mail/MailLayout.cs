using System.Net;
using System.Text;
using AdviesRoute.Host.Links;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// What a mail says, in the parts every AdviesRoute mail is made of; <see cref="MailLayout"/> lays it out as HTML and plain
/// text, in this order: greeting, paragraphs, highlight, section, the section's list, list, facts, closing paragraphs, button, notes, and the
/// footer every mail has. All of it is text: the layout escapes every character, so no value can add HTML.
/// </summary>
public sealed record MailContent
{
    public required string Subject { get; init; }

    /// <summary>"Beste Anna de Vries,"; null when the text greets itself (a request's template does).</summary>
    public string? Greeting { get; init; }

    /// <summary>The message, a paragraph each; a single line break within one stays a line break.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>One value the reader must not miss, e.g. a code to type: set off in large type after its label.</summary>
    public MailFact? Highlight { get; init; }

    /// <summary>What the mail is about (a proposal), with its own heading.</summary>
    public MailSection? Section { get; init; }

    /// <summary>A numbered list that belongs to the section, under its own title: the beslispunten of a proposal.</summary>
    public MailList? SectionList { get; init; }

    public MailList? List { get; init; }

    /// <summary>Short labelled values, e.g. "Termijn: uiterlijk 3 maart 2027".</summary>
    public IReadOnlyList<MailFact> Facts { get; init; } = [];

    /// <summary>Paragraphs after the list and facts.</summary>
    public IReadOnlyList<string> Closing { get; init; } = [];

    /// <summary>The one thing to do, as a button; the address is also written out for a mail program that shows no button.</summary>
    public MailButton? Button { get; init; }

    /// <summary>Small print above the footer, e.g. that a link is personal.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>For the secretariat itself: the footer then does not send the reader to the secretariat with questions.</summary>
    public bool ToSecretariat { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public sealed record MailFact(string Label, string Value);

public sealed record MailSection(string Heading, IReadOnlyList<string> Paragraphs);

public sealed record MailList(string Title, IReadOnlyList<MailListItem> Items, bool Numbered = false);

/// <summary>One line of a list; with <see cref="Url"/> the text is a link.</summary>
public sealed record MailListItem(string Text, string? Url = null, string? Note = null);

public sealed record MailButton(string Label, string Url);

/// <summary>A mail laid out: the HTML part and the plain-text alternative.</summary>
public sealed record RenderedMail(string Html, string Text);

/// <summary>
/// The one layout of every mail AdviesRoute sends: a header with the sender's name, the content, and a footer that says
/// the mail was sent automatically and whom to ask. The HTML is one column at most 40em wide with inline styles (mail
/// programs drop style sheets), words and long addresses wrap, so it reads on a phone at 320 px; the plain text says the
/// same for mail programs that show no HTML.
/// </summary>
public sealed class MailLayout(IOptions<MailOptions> mail, IOptions<RequestLinkOptions> links)
{
    private const string Blue = "#01689b";
    private const string Muted = "#545454";

    /// <summary>The sentence every mail ends with.</summary>
    public string Footer(bool toSecretariat) => toSecretariat
        ? $"Deze mail is automatisch verstuurd door {mail.Value.From.Name}."
        : $"Deze mail is automatisch verstuurd door {mail.Value.From.Name}. Hebt u een vraag, neem dan contact op met {links.Value.Contact}.";

    public RenderedMail Render(MailContent content) => new(Html(content), Text(content));

    /// <summary>The mail to send: the content in this layout, to these recipients, with its Message-Id.</summary>
    public OutgoingMail Mail(string messageId, IReadOnlyList<MailAddress> to, MailContent content)
    {
        var rendered = Render(content);
        return new OutgoingMail(messageId, to, content.Subject, rendered.Html, rendered.Text, content.Attachments);
    }

    private string Html(MailContent c)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(c.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f3f3f3\">")
            .Append("<div style=\"max-width:40em;margin:0 auto;padding:1em 1.25em;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere;word-break:break-word\">")
            .Append("<p style=\"margin:0 0 1.25em;padding:0 0 .5em;border-bottom:4px solid ").Append(Blue).Append(";font-weight:bold;color:").Append(Blue).Append("\">")
            .Append(E(mail.Value.From.Name)).Append("</p>");
        if (c.Greeting is not null)
        {
            Paragraph(html, c.Greeting);
        }

        foreach (var paragraph in c.Paragraphs.SelectMany(Split))
        {
            Paragraph(html, paragraph);
        }

        if (c.Highlight is { } highlight)
        {
            html.Append("<p>").Append(E(highlight.Label)).Append("<br><strong style=\"display:inline-block;margin-top:.25em;font-size:1.75em;letter-spacing:.15em\">")
                .Append(E(highlight.Value)).Append("</strong></p>");
        }

        if (c.Section is { } section)
        {
            html.Append("<h2 style=\"font-size:1.15em;margin:1.5em 0 .5em\">").Append(E(section.Heading)).Append("</h2>");
            foreach (var paragraph in section.Paragraphs.SelectMany(Split))
            {
                Paragraph(html, paragraph);
            }
        }

        foreach (var list in new[] { c.SectionList, c.List }.OfType<MailList>().Where(l => l.Items.Count > 0))
        {
            var tag = list.Numbered ? "ol" : "ul";
            html.Append("<p style=\"margin:1em 0 .25em\"><strong>").Append(E(list.Title)).Append("</strong></p><").Append(tag).Append(" style=\"margin:0 0 1em;padding-left:1.5em\">");
            foreach (var item in list.Items)
            {
                html.Append("<li style=\"margin-bottom:.25em\">");
                if (item.Url is not null)
                {
                    html.Append("<a href=\"").Append(E(item.Url)).Append("\" style=\"color:").Append(Blue).Append("\">").Append(E(item.Text)).Append("</a>");
                }
                else
                {
                    html.Append(E(item.Text));
                }

                if (item.Note is not null)
                {
                    html.Append(" <span style=\"color:").Append(Muted).Append("\">(").Append(E(item.Note)).Append(")</span>");
                }

                html.Append("</li>");
            }

            html.Append("</").Append(tag).Append('>');
        }

        foreach (var fact in c.Facts)
        {
            html.Append("<p><strong>").Append(E(fact.Label)).Append(":</strong> ").Append(E(fact.Value)).Append("</p>");
        }

        foreach (var paragraph in c.Closing.SelectMany(Split))
        {
            Paragraph(html, paragraph);
        }

        if (c.Button is { } button)
        {
            html.Append("<p style=\"margin:1.5em 0\"><a href=\"").Append(E(button.Url)).Append("\" style=\"display:inline-block;padding:.6em 1.2em;background:").Append(Blue)
                .Append(";color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px\">").Append(E(button.Label)).Append("</a></p>")
                .Append("<p style=\"font-size:.9em;color:").Append(Muted).Append("\">Werkt de knop niet? Kopieer dan dit adres in uw browser: ").Append(E(button.Url)).Append("</p>");
        }

        foreach (var note in c.Notes)
        {
            html.Append("<p style=\"font-size:.9em;color:").Append(Muted).Append("\">").Append(Lines(note)).Append("</p>");
        }

        html.Append("<p style=\"margin:2em 0 0;padding-top:.75em;border-top:1px solid #cccccc;font-size:.9em;color:").Append(Muted).Append("\">")
            .Append(E(Footer(c.ToSecretariat))).Append("</p>");
        return html.Append("</div></body></html>").ToString();
    }

    private string Text(MailContent c)
    {
        var blocks = new List<string>();
        if (c.Greeting is not null)
        {
            blocks.Add(c.Greeting);
        }

        blocks.AddRange(c.Paragraphs.SelectMany(Split));
        if (c.Highlight is { } highlight)
        {
            blocks.Add($"{highlight.Label} {highlight.Value}");
        }

        if (c.Section is { } section)
        {
            blocks.Add(string.Join("\n", section.Paragraphs.SelectMany(Split).Prepend(section.Heading)));
        }

        foreach (var list in new[] { c.SectionList, c.List }.OfType<MailList>().Where(l => l.Items.Count > 0))
        {
            blocks.Add(string.Join("\n", list.Items.Select((item, i) =>
                $"{(list.Numbered ? $"{i + 1}." : "-")} {item.Text}{(item.Note is null ? "" : $" ({item.Note})")}{(item.Url is null ? "" : $"\n  {item.Url}")}").Prepend(list.Title + ":")));
        }

        if (c.Facts.Count > 0)
        {
            blocks.Add(string.Join("\n", c.Facts.Select(f => $"{f.Label}: {f.Value}")));
        }

        blocks.AddRange(c.Closing.SelectMany(Split));
        if (c.Button is { } button)
        {
            blocks.Add($"{button.Label}:\n{button.Url}");
        }

        blocks.AddRange(c.Notes);

        // "-- " on its own line: mail programs know the rest as the signature.
        blocks.Add("-- \n" + Footer(c.ToSecretariat));
        return string.Join("\n\n", blocks.Select(b => b.ReplaceLineEndings("\n").Trim('\n'))) + "\n";
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(Lines(text)).Append("</p>");

    private static string Lines(string text) => E(text.ReplaceLineEndings("\n")).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>A text with blank lines is several paragraphs.</summary>
    private static IEnumerable<string> Split(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
