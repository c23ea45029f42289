using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace AdviesRoute.Host.Search;

/// <summary>One hit as a results page shows it: the proposal and its link, the document and its link, the passage.</summary>
/// <param name="Context">Where it belongs, in words (the meeting on the portal); null when nothing to add.</param>
public sealed record SearchResultRow(
    string ProposalTitle,
    string? ProposalHref,
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

    /// <summary>
    /// "Stuk: <a>name</a>" with "vertrouwelijk" beside it; for the proposal's own words where they were found (the public
    /// search does not search the summary, which no public page shows).
    /// </summary>
    public IHtmlContent WhatHtml(bool publicSearch)
    {
        var html = new HtmlContentBuilder();
        if (DocumentName is null)
        {
            return html.Append(publicSearch ? "Gevonden in de titel of de beslispunten van het voorstel" : "Gevonden in de titel, de samenvatting of de beslispunten van het voorstel");
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
