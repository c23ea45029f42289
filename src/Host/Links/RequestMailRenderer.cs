using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Mail;

namespace AdviesRoute.Host.Links;

/// <summary>
/// What a request mail (outbox kind <c>verzoek</c>) says, in Dutch, for the one layout: the text of the step (a template
/// the process owner may change, with {naam}, {titel}, {orgaan} and {uiterlijk}), the proposal's title, summary,
/// beslispunten and documents, the deadline with its rule, and the personal link. The template is text, not HTML: the layout escapes it
/// as a whole, like every value.
/// </summary>
public static class RequestMailRenderer
{
    public static ComposedMail Compose(RequestMail request, string link)
    {
        var name = request.To.Name;
        var title = request.Proposal?.Title ?? "(zonder titel)";
        var summary = request.Proposal?.Summary;
        var deadline = request.Deadline ?? "";
        var values = new Dictionary<string, string>
        {
            ["{naam}"] = name,
            ["{titel}"] = title,
            ["{orgaan}"] = request.BodyName ?? "",
            ["{uiterlijk}"] = deadline,
        };
        var subject = Fill(request.Subject ?? "Verzoek: {titel}", values).ReplaceLineEndings(" ");
        var text = Fill(request.Text ?? "", values);
        // A stored document is reached through the member's own link (no account needed); others by their address.
        // A document marked for another body (alleenVoor) is not this person's to read.
        var documents = Documents(ForBody(request.Proposal?.Documents, request.BodyId ?? request.Body), link);

        return new ComposedMail([new MailAddress(name, request.To.Email)], new MailContent
        {
            Subject = subject,
            Paragraphs = [text],
            Section = new MailSection(title, summary is null ? [] : [summary]),
            SectionList = DecisionPoints(request.Proposal?.DecisionPoints),
            List = new MailList("Stukken", documents
                .Select(d => d.Confidential ? new MailListItem(d.Name, Note: "vertrouwelijk: in te zien via uw persoonlijke link") : new MailListItem(d.Name, d.Url))
                .ToList()),
            Facts = [new MailFact("Termijn", deadline)],
            Button = new MailButton("Open uw verzoek", link),
            Notes = ["Deze link is persoonlijk: stuur deze mail niet door."],
        });
    }

    /// <summary>The draft decision as the mail lists it: "Voorgesteld besluit", numbered as the proposal numbers its points.</summary>
    public static MailList? DecisionPoints(IReadOnlyList<AdviesRoute.Activities.Governance.Proposals.Beslispunt>? points) =>
        points is { Count: > 0 } ? new MailList("Voorgesteld besluit", points.Select(p => new MailListItem(p.Text)).ToList(), Numbered: true) : null;

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
}
