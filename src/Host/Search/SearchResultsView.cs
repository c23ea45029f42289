using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace AdviesRoute.Host.Search;

/// <summary>One hit as a results page shows it: the proposal and its link, the document and its link, the passage.</summary>
/// <param name="What">"Voorstel" for the proposal's own words, "Stuk" for a document.</param>
/// <param name="Context">Where it belongs, in words (the meeting on the portal); null when nothing to add.</param>
public sealed record SearchResultRow(
    string ProposalTitle,
    string? ProposalHref,
    string What,
    string? DocumentName,
    string? DocumentHref,
    bool Confidential,
    bool TextPending,
    string? Context,
    IReadOnlyList<PassagePart> Passage)
{
    /// <summary>The passage as HTML: every part encoded, the matching words in <c>&lt;mark&gt;</c>, nothing in between.</summary>
    public IHtmlContent PassageHtml()
    {
        var html = new HtmlContentBuilder();
        foreach (var part in Passage)
        {
            if (part.Marked)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }

    /// <summary>"Stuk: <a>name</a>" with "vertrouwelijk" beside it, or "Gevonden in het voorstel zelf".</summary>
    public IHtmlContent WhatHtml()
    {
        var html = new HtmlContentBuilder();
        if (DocumentName is null)
        {
            return html.Append("Gevonden in het voorstel zelf");
        }

        html.Append("Stuk: ");
        if (DocumentHref is null)
        {
            html.Append(DocumentName);
        }
        else
        {
            html.AppendHtml("<a href=\"").AppendHtml(HtmlEncoder.Default.Encode(DocumentHref)).AppendHtml("\">").Append(DocumentName).AppendHtml("</a>");
        }

        if (Confidential)
        {
            html.AppendHtml(" <strong class=\"badge badge--vertrouwelijk\">vertrouwelijk</strong>");
        }

        return html;
    }
}

/// <summary>What the shared results partial (Pages/Zoeken/_Resultaten) needs.</summary>
/// <param name="Action">The page the form sends to.</param>
public sealed record SearchResultsView(string Action, string? Query, string? Problem, IReadOnlyList<SearchResultRow> Rows, int Total, bool Public)
{
    /// <summary>Nothing typed yet: show the form only.</summary>
    public bool Empty => Query is null;

    /// <summary>"1 resultaat" / "3 resultaten".</summary>
    public string CountWords => Total == 1 ? "1 resultaat" : $"{AdviesRoute.Activities.Texts.DutchFormat.Number(Total)} resultaten";
}
