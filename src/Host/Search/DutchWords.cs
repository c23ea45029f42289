using System.Text;
using Lucene.Net.Analysis.Nl;
using SnowballDutch = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;

namespace AdviesRoute.Host.Search;

/// <summary>One word in a text: where it starts and how long it is.</summary>
public readonly record struct WordSpan(int Start, int Length);

/// <summary>
/// Dutch words for the SQLite index: a text split into words (runs of letters and digits, lower case), stop words left
/// out and every other word reduced to its stem by the Snowball Dutch stemmer (Lucene.Net's port). PostgreSQL's
/// <c>dutch</c> text-search configuration uses the same Snowball algorithm and the same stop-word list, so a word is
/// found on both databases by the same inflections ("maatregelen" and "maatregel" are both "maatregel").
/// Not thread-safe: the stemmer keeps its word in progress; make one per use.
/// </summary>
public sealed class DutchWords
{
    private readonly SnowballDutch _stemmer = new();

    /// <summary>The words of a text in order (letters and digits; everything else separates).</summary>
    public static IEnumerable<WordSpan> Split(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return new WordSpan(start, i - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return new WordSpan(start, text.Length - start);
        }
    }

    /// <summary>Whether the word (lower case) is one of the Snowball Dutch stop words ("de", "het", "van", ...), which neither database indexes.</summary>
    public static bool IsStopWord(string word) => DutchAnalyzer.DefaultStopSet.Contains(word);

    /// <summary>The stop words, for a test that holds them against PostgreSQL's list.</summary>
    public static IReadOnlyList<string> StopWords() => DutchAnalyzer.DefaultStopSet.Select(w => w?.ToString() ?? "").ToList();

    /// <summary>The stem of one word, or null for a stop word.</summary>
    public string? Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        if (IsStopWord(lower))
        {
            return null;
        }

        _stemmer.SetCurrent(lower);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    /// <summary>The stems of a whole text, separated by spaces: what the FTS5 table indexes.</summary>
    public string Stems(string text)
    {
        var stems = new StringBuilder(text.Length);
        foreach (var word in Split(text))
        {
            if (Stem(text.Substring(word.Start, word.Length)) is { } stem)
            {
                stems.Append(stem).Append(' ');
            }
        }

        return stems.ToString();
    }

    /// <summary>The distinct stems of a search query, in the order typed.</summary>
    public IReadOnlyList<string> QueryStems(string query) =>
        Split(query).Select(w => Stem(query.Substring(w.Start, w.Length))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The words of a file name, punctuation as spaces ("Nota hitte-2027.pdf" → "Nota hitte 2027 pdf").</summary>
    public static string NameWords(string name) =>
        string.Join(' ', Split(name).Select(w => name.Substring(w.Start, w.Length)));
}
