using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AdviesRoute.Host.Look;

/// <summary>
/// Gives every button, field, select, text area, table and button-like link of every page the NL Design System's classes
/// (<see cref="DesignSystemClasses"/>), unless the page chose a class of the design system itself. A table is put in a
/// box of its own that scrolls sideways on a narrow screen (WCAG 1.4.10). Runs after the framework's tag helpers, so an
/// <c>asp-for</c> input has its type.
/// </summary>
[HtmlTargetElement("button")]
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
[HtmlTargetElement("table")]
[HtmlTargetElement("a", Attributes = "class")]
public sealed class DesignSystemTagHelper : TagHelper
{
    /// <summary>After the framework's input, select and form tag helpers (order 0 and below).</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = Text(output, "class").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var type = output.Attributes.TryGetAttribute("type", out _) ? Text(output, "type") : null;
        var addition = DesignSystemClasses.For(output.TagName.ToLowerInvariant(), type, classes);
        foreach (var added in addition.Classes)
        {
            output.AddClass(added, HtmlEncoder.Default);
        }

        switch (addition.Wrapping)
        {
            case DesignSystemClasses.Wrapping.ScrollingBox:
                // Focusable and named, so a keyboard can scroll it and a screen reader says what it is (axe: scrollable-region-focusable).
                output.PreElement.AppendHtml("<div class=\"utrecht-table-container utrecht-table-container--overflow-inline\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\">");
                output.PostElement.AppendHtml("</div>");
                break;
        }
    }

    /// <summary>An attribute's value as text, whether the page wrote it as text or as a C# expression.</summary>
    private static string Text(TagHelperOutput output, string name)
    {
        if (!output.Attributes.TryGetAttribute(name, out var attribute) || attribute.Value is null)
        {
            return "";
        }

        switch (attribute.Value)
        {
            case string text:
                return text;
            case HtmlString html:
                return html.Value ?? "";
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return System.Net.WebUtility.HtmlDecode(writer.ToString());
                }
            default:
                return attribute.Value.ToString() ?? "";
        }
    }
}
