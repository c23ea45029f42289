using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Designer;

/// <summary>The technical id of a new route, made from its Dutch name: "Zorg & Veiligheid: jaarplan" → "zorg-veiligheid-jaarplan".</summary>
public static partial class NewRouteIds
{
    private const int MaxLength = 64;

    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary>Lower case letters and digits without accents, other characters as one hyphen; "route" when nothing is left.</summary>
    public static string FromName(string name)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var id = NotAllowed().Replace(plain.ToString(), "-").Trim('-');
        if (id.Length > MaxLength - 4)
        {
            id = id[..(MaxLength - 4)].TrimEnd('-');
        }

        return id.Length == 0 ? "route" : id;
    }

    /// <summary><paramref name="id"/>, else <c>id-2</c>, <c>id-3</c> … whichever is not taken.</summary>
    public static string Unique(string id, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(id))
        {
            return id;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
