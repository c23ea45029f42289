using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>What kind of word a person should not have read.</summary>
public enum FindingKind
{
    /// <summary>A code of the activities' declarations, the shipped routes, the forms or the journal (see <see cref="CodeBook"/>).</summary>
    Code,

    /// <summary>A word with an inner capital after lower-case letters (<c>zienswijzenOntvangen</c>), known as a code or not.</summary>
    CamelCase,

    /// <summary>A run-together word of capitalised parts (<c>PubliekeGezondheid</c>, <c>ActivityCompleted</c>), except a proper name.</summary>
    Compound,

    /// <summary>A code that is a Dutch word, as the whole text of a label where its Dutch label belongs (see <see cref="CodeBook"/>).</summary>
    BareCodeAsLabel,

    /// <summary>An ISO 8601 date or moment (<c>2027-01-20</c>, <c>2027-01-20T10:00</c>).</summary>
    IsoDate,

    /// <summary>An ISO 8601 duration (<c>P2W</c>, <c>PT30M</c>).</summary>
    IsoDuration,

    /// <summary>An English word of the engine: <c>Done</c>, <c>Default</c> and the other capitalised ports.</summary>
    EngineWord,

    /// <summary>A channel (<c>Api</c>, <c>Page</c>, <c>Link</c>, <c>Timer</c>, <c>System</c>) standing alone as a label.</summary>
    Channel,

    /// <summary><c>undefined</c>, <c>null</c>, <c>NaN</c> or <c>[object Object]</c>: a value that was missing when the text was made.</summary>
    MissingValue,

    /// <summary>A technical id: a long hexadecimal number or a GUID (a proposal's id, a bookmark's id).</summary>
    TechnicalId,

    /// <summary>An expression or JSON path (<c>variables.besluit</c>, <c>input.titel</c>).</summary>
    Expression,

    /// <summary>
    /// Not counted, reported as a note: a code that is also a Dutch word as the whole text of a value (a table cell, an
    /// emphasis), e.g. "positief" in the zienswijzen grid. It reads as Dutch; its declared label may read better.
    /// </summary>
    BareCodeAsValue,
}

/// <summary>One word a person should not have read, with some of the text around it.</summary>
public sealed record Hit(FindingKind Kind, string Word, string Context, string Where, string Origin);

/// <summary>
/// The rules of <see cref="NoCodeInVisibleTextBrowserTests"/>: what counts as a code in visible text, and what is left
/// alone because a person may read it. See the test class for the whole list; <see cref="CodeBook"/> says which codes
/// count where.
/// </summary>
public static partial class PlainDutch
{
    /// <summary>
    /// Proper names written run together, which are no code: the product's and the body's own names. A new one is added
    /// here with the reason it is a name.
    /// </summary>
    public static readonly IReadOnlySet<string> ProperNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "AdviesRoute",   // the product
        "SamenDrenthe",  // the gemeenschappelijke regeling
    };

    /// <summary>Units written as Dutch writes them, which look like camelCase but are no code.</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "kB",   // a file's size (the convocation's attachments, the mailbox)
    };

    /// <summary>Every finding in the free text of a page or mail (its body text, title, labels, attribute texts, subject).</summary>
    public static IEnumerable<Hit> InText(string text, string where, CodeBook codes)
    {
        var masked = Mask(text);
        foreach (Match match in IsoDate().Matches(masked))
        {
            yield return Found(FindingKind.IsoDate, match, masked, where, "");
        }

        foreach (Match match in IsoDuration().Matches(masked))
        {
            yield return Found(FindingKind.IsoDuration, match, masked, where, "");
        }

        foreach (Match match in MissingValue().Matches(masked))
        {
            yield return Found(FindingKind.MissingValue, match, masked, where, "");
        }

        foreach (Match match in Id().Matches(masked))
        {
            yield return Found(FindingKind.TechnicalId, match, masked, where, "");
        }

        foreach (Match match in ExpressionPath().Matches(masked))
        {
            yield return Found(FindingKind.Expression, match, masked, where, "");
        }

        foreach (Match match in ChannelAfterSeparator().Matches(masked))
        {
            var channel = match.Groups["channel"];
            yield return new Hit(FindingKind.Channel, channel.Value, Context(masked, channel.Index, channel.Length), where, "channel");
        }

        foreach (Match match in Word().Matches(masked))
        {
            var word = match.Value;
            var origin = codes.OriginOf(word);
            if (codes.IsEngineWord(word))
            {
                yield return Found(FindingKind.EngineWord, match, masked, where, origin);
            }
            else if (CamelCase().IsMatch(word) && !Units.Contains(word))
            {
                yield return Found(origin.Length > 0 ? FindingKind.Code : FindingKind.CamelCase, match, masked, where, origin);
            }
            else if (PascalCompound().IsMatch(word) && !ProperNames.Contains(word))
            {
                yield return Found(origin.Length > 0 ? FindingKind.Code : FindingKind.Compound, match, masked, where, origin);
            }
            else if (origin.Length > 0 && codes.IsCompound(word))
            {
                yield return Found(FindingKind.Code, match, masked, where, origin);
            }
        }
    }

    /// <summary>
    /// Findings in a label (the whole text of a button, option, heading, …) or a single text node: a code that is a Dutch
    /// word shown bare where its label belongs (labels only), and a channel standing alone.
    /// </summary>
    public static IEnumerable<Hit> InPiece(Piece piece, bool isLabel, CodeBook codes)
    {
        foreach (var line in piece.Text.Split('\n'))
        {
            // A journal line names who acted and how between separators ("20 januari 2027 · timer · na de termijn"):
            // each part stands alone.
            foreach (var part in line.Split('·', '|'))
            {
                var bare = Bare(part);
                if (bare.Length == 0)
                {
                    continue;
                }

                if (CodeBook.Channels.Contains(bare, StringComparer.OrdinalIgnoreCase))
                {
                    yield return new Hit(FindingKind.Channel, bare, line.Trim(), piece.Where, "channel (who or what moved the instance)");
                }
                else if (CodeBook.IsWord(bare) && codes.Origins.ContainsKey(bare) && bare == Bare(line))
                {
                    yield return new Hit(isLabel ? FindingKind.BareCodeAsLabel : FindingKind.BareCodeAsValue, bare, line.Trim(), piece.Where, codes.OriginOf(bare));
                }
            }
        }
    }

    /// <summary>
    /// Web addresses and mail addresses are left out: an address may hold a token, an id or a meeting's date, and a
    /// person follows it rather than reads it.
    /// </summary>
    public static string Mask(string text) => Address().Replace(text, "[adres]");

    /// <summary>The text without the punctuation and separators around it (<c>· Page</c>, <c>(gereed)</c>, <c>Uitkomst:</c>).</summary>
    private static string Bare(string text) => text.Trim().Trim(' ', '\t', '\r', ':', ';', ',', '.', '(', ')', '[', ']', '"', '\'', '“', '”', '‘', '’', '·', '|', '–', '—', '-', '•', '*');

    private static Hit Found(FindingKind kind, Match match, string text, string where, string origin) =>
        new(kind, match.Value, Context(text, match.Index, match.Length), where, origin);

    /// <summary>About forty characters either side of the word, on one line.</summary>
    public static string Context(string text, int index, int length)
    {
        var from = Math.Max(0, index - 40);
        var to = Math.Min(text.Length, index + length + 40);
        var context = (from > 0 ? "…" : "") + text[from..index] + "«" + text.Substring(index, length) + "»" + text[(index + length)..to] + (to < text.Length ? "…" : "");
        return Whitespace().Replace(context, " ").Trim();
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\bP(?:\d+[YMWD])+(?:T(?:\d+(?:[.,]\d+)?[HMS])+)?\b|\bPT(?:\d+(?:[.,]\d+)?[HMS])+\b")]
    private static partial Regex IsoDuration();

    [GeneratedRegex(@"\b(?:undefined|null|NaN)\b|\[object Object\]")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    [GeneratedRegex(@"\b(?:input|variables|variabelen|workflowInput)\.[A-Za-z_][A-Za-z0-9_.\[\]]*")]
    private static partial Regex ExpressionPath();

    /// <summary>
    /// A channel after a separator or "via" in running text, with no word after it on its line, in any case: "… · Page",
    /// "via Api", "kanaal: Link", "· timer" (but not "· Link intrekken", a button's label).
    /// </summary>
    [GeneratedRegex(@"(?:·|\||\bvia|\bkanaal:?)[ \t]*(?<channel>(?i:api|page|link|timer|system))\b(?![ \t]*\p{L})")]
    private static partial Regex ChannelAfterSeparator();

    /// <summary>A word: letters and digits, joined by hyphens or underscores (<c>vg-pg</c>, <c>bac_advies</c>).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_-])[\p{L}\p{Nd}]+(?:[-_][\p{L}\p{Nd}]+)*(?![\p{L}\p{Nd}_])")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\p{Ll}+\p{Lu}[\p{L}\p{Nd}]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"^\p{Lu}[\p{Ll}\p{Nd}]+(?:\p{Lu}[\p{Ll}\p{Nd}]+)+$")]
    private static partial Regex PascalCompound();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
