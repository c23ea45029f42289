namespace AdviesRoute.Host.Look;

/// <summary>
/// Which classes of the NL Design System (the Utrecht community components, <c>wwwroot/lib/utrecht/</c>) an element of a
/// page gets, from its tag, its type and the plain class names the pages use (<c>button</c>, <c>button--secondary</c>).
/// One table for every page, so a control written as plain HTML still is the design system's component.
/// </summary>
public static class DesignSystemClasses
{
    /// <summary>The prefix every class of the component library carries.</summary>
    public const string Prefix = "utrecht-";

    /// <summary>How an element's content is wrapped so the component's parts are where it expects them.</summary>
    public enum Wrapping
    {
        None,

        /// <summary>A table: in a box of its own that scrolls sideways when the table is wider than the screen.</summary>
        ScrollingBox,
    }

    /// <summary>What to add to one element.</summary>
    public sealed record Addition(IReadOnlyList<string> Classes, Wrapping Wrapping)
    {
        public static readonly Addition Nothing = new([], Wrapping.None);
    }

    /// <summary>
    /// The classes to add to an element, or <see cref="Addition.Nothing"/> when it already carries a class of the design
    /// system (the page chose one itself) or is no control (a hidden field, a plain link).
    /// </summary>
    /// <param name="tag">The element's name, lower case.</param>
    /// <param name="type">The <c>type</c> attribute of an <c>input</c> or <c>button</c>, if any.</param>
    /// <param name="classes">The classes the element has.</param>
    public static Addition For(string tag, string? type, IReadOnlyCollection<string> classes)
    {
        if (classes.Any(c => c.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            return Addition.Nothing;
        }

        var secondary = classes.Contains("button--secondary");
        return tag switch
        {
            "button" => Add(Button(secondary)),
            "input" => (type ?? "text").ToLowerInvariant() switch
            {
                "hidden" => Addition.Nothing,
                "checkbox" => Add("utrecht-checkbox", "utrecht-checkbox--html-input", "utrecht-checkbox--custom"),
                "radio" => Add("utrecht-radio-button", "utrecht-radio-button--html-input"),
                "submit" or "button" or "reset" => Add(Button(secondary)),
                _ => Add("utrecht-textbox", "utrecht-textbox--html-input"),
            },
            "select" => Add("utrecht-select", "utrecht-select--html-select"),
            "textarea" => Add("utrecht-textarea", "utrecht-textarea--html-textarea"),
            "table" => new Addition(["utrecht-table", "utrecht-table--html-table", "utrecht-table--distanced"], Wrapping.ScrollingBox),
            "a" when classes.Contains("button") => Add("utrecht-button-link", "utrecht-button-link--html-a",
                secondary ? "utrecht-button-link--secondary-action" : "utrecht-button-link--primary-action"),
            _ => Addition.Nothing,
        };
    }

    private static string[] Button(bool secondary) =>
        ["utrecht-button", secondary ? "utrecht-button--secondary-action" : "utrecht-button--primary-action"];

    private static Addition Add(params string[] classes) => new(classes, Wrapping.None);
}
