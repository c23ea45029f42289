using System.Globalization;
using System.Text;

namespace AdviesRoute.Workflows.Attributes;

/// <summary>How attribute values are stored and compared.</summary>
internal static class AttributeText
{
    /// <summary>The value as stored: cut at <see cref="AttributeName.MaxValueLength"/> (never inside a surrogate pair).</summary>
    public static string Stored(string value)
    {
        if (value.Length <= AttributeName.MaxValueLength)
        {
            return value;
        }

        var length = AttributeName.MaxValueLength;
        if (char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return value[..length];
    }

    /// <summary>
    /// The folded copy that <c>StartsWith</c> and <c>Contains</c> compare: lower case (invariant) and without accents
    /// ("Één" → "een"), so a search finds "Coëvorden" as "coevorden". Done in .NET, not by the database,
    /// so SQLite (whose LIKE folds only ASCII) and PostgreSQL compare alike.
    /// </summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The smallest string greater than every string that starts with <paramref name="prefix"/> in ordinal (code point)
    /// order, so a prefix search is a range on the index; null when there is none (the prefix ends in U+FFFF).
    /// </summary>
    public static string? PrefixEnd(string prefix)
    {
        var last = prefix[^1];
        if (last == char.MaxValue || char.IsSurrogate(last))
        {
            return null;
        }

        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(last + 1)]);
    }
}
