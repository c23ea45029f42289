using System.Globalization;
using System.Text;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// The Dutch words of the journal: choices, answers and outcomes as people say them ("positief met kanttekeningen",
/// "gewijzigd vastgesteld", "geen zienswijze"), days and moments in words ("20 januari 2027"), counts with their noun.
/// A code not listed here still reads as words (split where its capitals are), never as the code.
/// </summary>
public static class JournalWords
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        // advice (BAC), zienswijzen
        ["positief"] = "positief",
        ["positiefMetKanttekeningen"] = "positief met kanttekeningen",
        ["negatief"] = "negatief",
        ["onthouding"] = "onthouding",
        ["geenZienswijze"] = "geen zienswijze",

        // decisions (DB, AB)
        ["voor"] = "voor",
        ["tegen"] = "tegen",
        ["vastgesteld"] = "vastgesteld",
        ["gewijzigdVastgesteld"] = "gewijzigd vastgesteld",
        ["verworpen"] = "verworpen",
        ["aangehouden"] = "aangehouden",
        ["teruggestuurd"] = "teruggestuurd",

        // college return
        ["instemming"] = "instemming",
        ["bedenkingen"] = "bedenkingen",
        ["geenReactie"] = "geen reactie",

        // preparation, follow-up, agenda
        ["gereed"] = "gereed",
        ["herzien"] = "herzien",
        ["geagendeerd"] = "geagendeerd",

        // a written round whose deadline passed
        ["geenAntwoord"] = "geen antwoord",
        ["escaleren"] = "geëscaleerd",
        ["achterstallig"] = "achterstallig",

        // the count of a vote (VoteResult)
        ["Aangenomen"] = "aangenomen",
        ["Verworpen"] = "verworpen",
        ["Staken"] = "de stemmen staken",
        ["GeenQuorum"] = "geen quorum",

        // the engine's own port names, for the technical lines
        ["Done"] = "klaar",
        ["Default"] = "standaard",
    };

    /// <summary>A choice, answer or outcome in words; null reads as "onbekend".</summary>
    public static string Code(string? code) => code is null ? "onbekend" : Codes.TryGetValue(code, out var words) ? words : SplitWords(code);

    /// <summary>Whether <paramref name="code"/> is one of the advice choices (a BAC's or a council's).</summary>
    public static bool IsAdvice(string? code) => code is "positief" or "positiefMetKanttekeningen" or "negatief";

    /// <summary>"20 januari 2027".</summary>
    public static string Day(DateOnly day) => DutchFormat.Day(day);

    /// <summary>"20 januari 2027 om 14:05", on the Dutch clock.</summary>
    public static string Moment(DateTimeOffset moment) => DutchFormat.Moment(moment);

    /// <summary>"1 lid", "12 leden".</summary>
    public static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    /// <summary>A text used as a clause inside a sentence: trimmed, without its closing full stop.</summary>
    public static string Clause(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('.') && !trimmed.EndsWith("..", StringComparison.Ordinal) ? trimmed[..^1] : trimmed;
    }

    /// <summary>
    /// A text of the program's own that continues a sentence after a colon ("Aangenomen met ..." -> "aangenomen met ...");
    /// not for names, which keep their capital.
    /// </summary>
    public static string Continuing(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>A sentence from its main clause and the parts that follow it, separated by semicolons.</summary>
    public static string Sentence(string main, params IEnumerable<string?> parts)
    {
        var text = new StringBuilder(Clause(main));
        foreach (var part in parts ?? [])
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text.Append("; ").Append(Clause(part));
            }
        }

        return text.ToString();
    }

    /// <summary>"positiefMetKanttekeningen" -> "positief met kanttekeningen"; "NietBehandeld" -> "niet behandeld".</summary>
    public static string SplitWords(string code)
    {
        var text = new StringBuilder(code.Length + 8);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(code[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(c is '_' or '-' ? ' ' : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
