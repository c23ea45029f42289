using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Governance.Texts;

/// <summary>
/// The one limit on free text that people post: remarks (toelichting), reasons, the text of a zienswijze and the
/// board's reaction to it. A text over the limit is refused with a Dutch message and nothing is stored; the pages, the
/// mail links and the API all ask this class, so the limit and its wording are the same everywhere.
/// </summary>
public static class FreeText
{
    /// <summary>The most characters one free text may have (after trimming).</summary>
    public const int MaxLength = 4000;

    /// <summary>The limit as people read it: "4.000".</summary>
    public static string MaxLengthDisplay => DutchFormat.Number(MaxLength);

    /// <summary>Whether a text is over the limit (null and whitespace never are).</summary>
    public static bool IsTooLong(string? text) => text is not null && text.Trim().Length > MaxLength;

    /// <summary>
    /// The Dutch refusal of a text that is too long, e.g. "De toelichting is te lang: 4.012 tekens; ten hoogste 4.000
    /// tekens. Er is niets vastgelegd."
    /// </summary>
    /// <param name="subject">What the text is, with its article, as the start of a sentence: "De toelichting".</param>
    /// <param name="text">The text as posted.</param>
    public static string TooLongMessage(string subject, string text) =>
        $"{subject} is te lang: {DutchFormat.Number(text.Trim().Length)} tekens; ten hoogste {MaxLengthDisplay} tekens. Er is niets vastgelegd.";

    /// <summary>
    /// What a free-text input of a governance step is called in a refusal, by the input's name: the same words the
    /// forms use as labels.
    /// </summary>
    public static string SubjectOf(string property) => property switch
    {
        "toelichting" => "De toelichting",
        "tekst" => "De tekst",
        "reactie" => "De reactie",
        "namens" => "De reden om namens het lid vast te leggen",
        "reden" => "De reden",
        _ => $"Het veld '{property}'",
    };
}
