using System.Text;

namespace AdviesRoute.Host.Search;

/// <summary>The passage shown under a hit: a stretch of the original text with the matching words marked.</summary>
public static class Passages
{
    /// <summary>Marks PostgreSQL's <c>ts_headline</c> puts around a match (characters no document text holds).</summary>
    public const char MarkStart = '\u0002';

    public const char MarkEnd = '\u0003';

    public const int Words = 30;

    /// <summary>
    /// The stretch of <paramref name="text"/> of about <see cref="Words"/> words that holds the most of the searched stems,
    /// each matching word marked; null when no word matches. Used on SQLite, and for a document found by its name.
    /// </summary>
    public static IReadOnlyList<PassagePart>? Cut(string text, IReadOnlySet<string> stems, int length = Words)
    {
        var stemmer = new DutchWords();
        var words = DutchWords.Split(text).ToList();
        var matched = new List<(int Index, string Stem)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (stemmer.Stem(text.Substring(words[i].Start, words[i].Length)) is { } stem && stems.Contains(stem))
            {
                matched.Add((i, stem));
            }
        }

        if (matched.Count == 0)
        {
            return null;
        }

        var best = matched[0].Index;
        var bestCount = 0;
        foreach (var (index, _) in matched)
        {
            var count = matched.Where(m => m.Index >= index && m.Index < index + length).Select(m => m.Stem).Distinct().Count();
            if (count > bestCount)
            {
                (best, bestCount) = (index, count);
            }
        }

        var first = Math.Max(0, best - (length / 4));
        var last = Math.Min(words.Count, first + length) - 1;
        var marked = matched.Select(m => m.Index).ToHashSet();
        var parts = new List<PassagePart>();
        var plain = new StringBuilder(first > 0 ? "… " : "");
        var at = words[first].Start;
        for (var i = first; i <= last; i++)
        {
            if (!marked.Contains(i))
            {
                continue;
            }

            plain.Append(text, at, words[i].Start - at);
            Flush(parts, plain);
            parts.Add(new PassagePart(text.Substring(words[i].Start, words[i].Length), true));
            at = words[i].Start + words[i].Length;
        }

        // The punctuation right after the last word stays with it ("vast te stellen.").
        var end = words[last].Start + words[last].Length;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        plain.Append(text, at, end - at);
        if (last < words.Count - 1)
        {
            plain.Append(" …");
        }

        Flush(parts, plain);
        return Trimmed(parts);
    }

    /// <summary>The parts of a <c>ts_headline</c> answer made with <see cref="MarkStart"/> and <see cref="MarkEnd"/>; null when nothing is marked.</summary>
    public static IReadOnlyList<PassagePart>? FromMarked(string headline, bool cutAtStart, bool cutAtEnd)
    {
        if (!headline.Contains(MarkStart, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<PassagePart>();
        var plain = new StringBuilder(cutAtStart ? "… " : "");
        var rest = headline.AsSpan();
        while (rest.IndexOf(MarkStart) is var start and >= 0)
        {
            plain.Append(rest[..start]);
            Flush(parts, plain);
            rest = rest[(start + 1)..];
            var end = rest.IndexOf(MarkEnd);
            end = end < 0 ? rest.Length : end;
            parts.Add(new PassagePart(rest[..end].ToString(), true));
            rest = end < rest.Length ? rest[(end + 1)..] : [];
        }

        plain.Append(rest);
        if (cutAtEnd)
        {
            plain.Append(" …");
        }

        Flush(parts, plain);
        return Trimmed(parts);
    }

    /// <summary>The passage's text without marks (for tests and logs).</summary>
    public static string Plain(IReadOnlyList<PassagePart> parts) => string.Concat(parts.Select(p => p.Text));

    private static void Flush(List<PassagePart> parts, StringBuilder plain)
    {
        if (plain.Length > 0)
        {
            parts.Add(new PassagePart(Collapse(plain.ToString()), false));
            plain.Clear();
        }
    }

    /// <summary>
    /// Runs of spaces as one space, and a run with a line break (between a title and a beslispunt, two paragraphs) as
    /// " · ": a passage reads as one line whose parts stay apart.
    /// </summary>
    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }

            var lineBreak = false;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                lineBreak |= text[i] is '\n' or '\r';
                i++;
            }

            result.Append(lineBreak ? " · " : " ");
        }

        return result.ToString();
    }

    /// <summary>No separator before the first word or after the last one.</summary>
    private static List<PassagePart> Trimmed(List<PassagePart> parts)
    {
        if (parts.Count > 0 && !parts[0].Marked)
        {
            parts[0] = parts[0] with { Text = TrimSeparator(parts[0].Text, start: true) };
        }

        if (parts.Count > 0 && !parts[^1].Marked)
        {
            parts[^1] = parts[^1] with { Text = TrimSeparator(parts[^1].Text, start: false) };
        }

        parts.RemoveAll(p => p.Text.Length == 0);
        return parts;
    }

    private static string TrimSeparator(string text, bool start)
    {
        if (start)
        {
            var cut = text.StartsWith("… ", StringComparison.Ordinal);
            var rest = (cut ? text[2..] : text).TrimStart(' ', '·');
            return cut ? "… " + rest : rest;
        }

        var cutEnd = text.EndsWith(" …", StringComparison.Ordinal);
        var body = (cutEnd ? text[..^2] : text).TrimEnd(' ', '·');
        return cutEnd ? body + " …" : body;
    }
}
