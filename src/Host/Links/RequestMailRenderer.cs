using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Mail;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Renders a request mail (outbox kind <c>verzoek</c>) in Dutch, as HTML and plain text: the text of the step (a
/// template the process owner may change, with {naam}, {titel}, {orgaan} and {uiterlijk}), the proposal's title,
/// summary and documents, the deadline with its rule, and the personal link. Every value is HTML-escaped; the
/// template itself is text, not HTML, so it is escaped as a whole.
/// </summary>
public static class RequestMailRenderer
{
    public static OutgoingMail Render(JsonObject payload, string messageId, string link)
    {
        var to = payload["aan"]!.AsObject();
        var name = to["naam"]!.GetValue<string>();
        var proposal = payload["voorstel"] as JsonObject ?? [];
        var title = proposal["titel"]?.GetValue<string>() ?? "(zonder titel)";
        var summary = proposal["samenvatting"]?.GetValue<string>();
        var deadline = payload["uiterlijk"]?.GetValue<string>() ?? "";
        var values = new Dictionary<string, string>
        {
            ["{naam}"] = name,
            ["{titel}"] = title,
            ["{orgaan}"] = payload["orgaanNaam"]?.GetValue<string>() ?? "",
            ["{uiterlijk}"] = deadline,
        };
        var subject = Fill(payload["onderwerp"]?.GetValue<string>() ?? "Verzoek: {titel}", values).ReplaceLineEndings(" ");
        var text = Fill(payload["tekst"]?.GetValue<string>() ?? "", values);
        // A stored document is reached through the member's own link (no account needed); others by their address.
        // A document marked for another body (alleenVoor) is not this person's to read.
        var bodyId = (payload["orgaanId"] ?? payload["orgaan"])?.GetValue<string>();
        var documents = Documents(ForBody(proposal["documenten"], bodyId), link);

        var plain = new StringBuilder();
        plain.AppendLine(text).AppendLine();
        plain.AppendLine($"Voorstel: {title}");
        if (summary is not null)
        {
            plain.AppendLine(summary);
        }

        if (documents.Count > 0)
        {
            plain.AppendLine().AppendLine("Stukken:");
            foreach (var (docName, url, confidential) in documents)
            {
                plain.AppendLine(confidential ? $"- {docName} (vertrouwelijk: in te zien via uw persoonlijke link)" : $"- {docName}{(url is null ? "" : ": " + url)}");
            }
        }

        plain.AppendLine().AppendLine($"Termijn: {deadline}");
        plain.AppendLine().AppendLine("Uw persoonlijke link (niet doorsturen):").AppendLine(link);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(subject)).Append("</title></head>");
        // The long personal link breaks anywhere, so the mail fits a phone without scrolling sideways.
        html.Append("<body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em;overflow-wrap:anywhere\">");
        foreach (var paragraph in text.Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(E(paragraph).ReplaceLineEndings("<br>")).Append("</p>");
        }

        html.Append("<h2 style=\"font-size:1.1em\">").Append(E(title)).Append("</h2>");
        if (summary is not null)
        {
            html.Append("<p>").Append(E(summary)).Append("</p>");
        }

        if (documents.Count > 0)
        {
            html.Append("<p><strong>Stukken</strong></p><ul>");
            foreach (var (docName, url, confidential) in documents)
            {
                html.Append("<li>");
                if (confidential)
                {
                    html.Append(E(docName)).Append(" (vertrouwelijk: in te zien via uw persoonlijke link)");
                }
                else if (url is not null)
                {
                    html.Append("<a href=\"").Append(E(url)).Append("\">").Append(E(docName)).Append("</a>");
                }
                else
                {
                    html.Append(E(docName));
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p><strong>Termijn:</strong> ").Append(E(deadline)).Append("</p>");
        html.Append("<p><a href=\"").Append(E(link)).Append("\" style=\"display:inline-block;padding:.6em 1.2em;background:#01689b;color:#fff;text-decoration:none;border-radius:4px\">Open uw verzoek</a></p>");
        html.Append("<p style=\"font-size:.9em;color:#555\">Deze link is persoonlijk: stuur deze mail niet door. Werkt de knop niet, kopieer dan dit adres in uw browser: ")
            .Append(E(link)).Append("</p></body></html>");

        return new OutgoingMail(messageId, [new MailAddress(name, to["email"]!.GetValue<string>())], subject, html.ToString(), plain.ToString(), []);
    }

    /// <summary>
    /// The documents of a proposal: a list of names, or of objects with naam, url, vertrouwelijk and, for a document
    /// stored here, its id. With <paramref name="linkBase"/> (a member's personal link) a stored document's address
    /// becomes <c>{link}/stukken/{id}</c>, which the member can open without an account.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Url, bool Confidential)> Documents(JsonNode? documents, string? linkBase = null)
    {
        if (documents is not JsonArray list)
        {
            return [];
        }

        var result = new List<(string, string?, bool)>();
        foreach (var item in list)
        {
            switch (item)
            {
                case JsonValue v when v.TryGetValue<string>(out var text):
                    result.Add((text, null, false));
                    break;
                case JsonObject o when o["naam"]?.GetValue<string>() is { } docName:
                    var url = linkBase is not null && o["id"]?.GetValue<string>() is { } stored
                        ? $"{linkBase.TrimEnd('/')}/stukken/{Uri.EscapeDataString(stored)}"
                        : o["url"]?.GetValue<string>();
                    var safe = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;
                    result.Add((docName, safe, o["vertrouwelijk"]?.GetValue<bool>() == true));
                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// The documents a request for <paramref name="bodyId"/> may show: those marked <c>alleenVoor</c> another body are left
    /// out (and so are all marked ones when the body is unknown). Unmarked documents are for everyone the proposal reaches.
    /// </summary>
    public static JsonNode? ForBody(JsonNode? documents, string? bodyId)
    {
        if (documents is not JsonArray list)
        {
            return documents;
        }

        return new JsonArray(list
            .Where(item => item is not JsonObject o || o["alleenVoor"] is not JsonValue only || !only.TryGetValue<string>(out var onlyFor)
                || (bodyId is not null && onlyFor == bodyId))
            .Select(item => item?.DeepClone())
            .ToArray());
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
