using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Governance.Proposals;

/// <summary>One refusal of a proposal's input: the input's key (<c>beslispunten</c>, <c>openbaarheid</c> …) and the Dutch reason.</summary>
public sealed record InputRefusal(string Key, string Message);

/// <summary>
/// The rules for a proposal's beslispunten and the other facts the secretary gives on the start form (kenmerk, steller,
/// openbaarheid, zienswijzen vrijgesteld): the one check the start form, the start API and the change of the beslispunten
/// all ask, so a refusal reads the same everywhere.
/// </summary>
public static partial class DecisionPointRules
{
    /// <summary>The most beslispunten one proposal carries; a draft decision is a handful of points, never a document.</summary>
    public const int MaxPoints = 30;

    public const int MaxReferenceLength = 100;

    public const int MaxAuthorLength = 200;

    /// <summary>The kind of proposal for which the regeling may exempt the zienswijzen of the councils.</summary>
    public const string Begrotingswijziging = "begrotingswijziging";

    /// <summary>
    /// The points of a text with one beslispunt per line, as a secretary types or pastes them ("1. kennis te nemen van …").
    /// Empty lines are skipped; a number the text already carries ("1.", "2)", "3:") is dropped, as the points are numbered
    /// in their order.
    /// </summary>
    public static IReadOnlyList<Beslispunt> FromLines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n')
            .Select(line => LeadingNumber().Replace(line.Trim(), "").Trim())
            .Where(line => line.Length > 0)
            .Select((line, i) => new Beslispunt(i + 1, line))
            .ToList();

    /// <summary>The points as the form's text box shows them again: one per line, without their numbers.</summary>
    public static string ToLines(IReadOnlyList<Beslispunt>? points) => string.Join("\n", (points ?? []).Select(p => p.Text));

    /// <summary>Refusals of a list of points: none, too many, one too long.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<Beslispunt> points)
    {
        var refusals = new List<string>();
        if (points.Count == 0)
        {
            refusals.Add("Geef ten minste één beslispunt: wat het bestuur besluit, bijvoorbeeld ‘in te stemmen met de kadernota 2028’.");
        }
        else if (points.Count > MaxPoints)
        {
            refusals.Add($"Dit zijn {points.Count} beslispunten; ten hoogste {MaxPoints}. Voeg punten samen die bij elkaar horen.");
        }

        foreach (var point in points.Where(p => FreeText.IsTooLong(p.Text)))
        {
            refusals.Add(FreeText.TooLongMessage($"Beslispunt {point.Number}", point.Text).Replace(" Er is niets vastgelegd.", "", StringComparison.Ordinal));
        }

        return refusals;
    }

    /// <summary>
    /// Reads the <c>beslispunten</c> of an input sent by a machine: a list of <c>{"nummer": 1, "tekst": "…"}</c>, numbered
    /// 1, 2, 3 … in order (a point without <c>nummer</c> takes its place). Refuses anything else with the reason.
    /// </summary>
    public static (IReadOnlyList<Beslispunt>? Points, IReadOnlyList<string> Refusals) Read(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return (null, ["‘beslispunten’ is een lijst van punten, elk met ‘nummer’ en ‘tekst’, bijvoorbeeld [{\"nummer\": 1, \"tekst\": \"in te stemmen met …\"}]."]);
        }

        var points = new List<Beslispunt>();
        var refusals = new List<string>();
        foreach (var item in array)
        {
            var place = points.Count + refusals.Count + 1;
            if (item is not JsonObject point || point["tekst"] is not JsonValue t || !t.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                refusals.Add($"Beslispunt {place} heeft geen tekst (‘tekst’).");
                continue;
            }

            if (point["nummer"] is { } given && (given is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || !n.TryGetValue<int>(out var number) || number != place))
            {
                refusals.Add($"Beslispunt {place} heeft nummer {given.ToJsonString()}; nummer de beslispunten 1, 2, 3 … op volgorde.");
                continue;
            }

            points.Add(new Beslispunt(place, text.Trim()));
        }

        if (refusals.Count == 0)
        {
            refusals.AddRange(Check(points));
        }

        return (refusals.Count == 0 ? points : null, refusals);
    }

    /// <summary>
    /// Checks the start input's beslispunten, kenmerk, steller, openbaarheid and zienswijzen vrijgesteld, as far as they
    /// are given (an input without them, from a client written before they existed, still starts); none refused is an empty list.
    /// </summary>
    public static IReadOnlyList<InputRefusal> CheckStart(JsonObject? input)
    {
        var refusals = new List<InputRefusal>();
        if (input is null)
        {
            return refusals;
        }

        if (input.ContainsKey("beslispunten"))
        {
            refusals.AddRange(Read(input["beslispunten"]).Refusals.Select(r => new InputRefusal("beslispunten", r)));
        }

        refusals.AddRange(CheckText(input, "kenmerk", "Het kenmerk", MaxReferenceLength));
        refusals.AddRange(CheckText(input, "steller", "De steller", MaxAuthorLength));
        if (input["openbaarheid"] is { } publicity
            && !(publicity is JsonValue p && p.TryGetValue<string>(out var value) && value is ProposalInput.Openbaar or ProposalInput.Besloten))
        {
            refusals.Add(new InputRefusal("openbaarheid", $"‘openbaarheid’ is ‘{ProposalInput.Openbaar}’ of ‘{ProposalInput.Besloten}’."));
        }

        if (input["zienswijzenVrijgesteld"] is { } exempt)
        {
            if (exempt is not JsonValue e || e.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                refusals.Add(new InputRefusal("zienswijzenVrijgesteld", "‘zienswijzenVrijgesteld’ is true of false."));
            }
            else if (e.GetValue<bool>() && ExemptionRefusal(input["soort"] is JsonValue k && k.TryGetValue<string>(out var kind) ? kind : null) is { } refusal)
            {
                refusals.Add(new InputRefusal("zienswijzenVrijgesteld", refusal));
            }
        }

        return refusals;
    }

    /// <summary>Why a proposal of this kind cannot be exempt from zienswijzen; null for a begrotingswijziging.</summary>
    public static string? ExemptionRefusal(string? kind) => kind == Begrotingswijziging
        ? null
        : "‘Zienswijzen vrijgesteld’ geldt alleen voor een begrotingswijziging die de regeling vrijstelt; "
            + (kind is null ? "kies de soort begrotingswijziging, of vink het uit." : "dit voorstel is een andere soort. Vink het uit, of kies de soort begrotingswijziging.");

    private static IEnumerable<InputRefusal> CheckText(JsonObject input, string key, string subject, int max)
    {
        if (input[key] is not { } node)
        {
            yield break;
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            yield return new InputRefusal(key, $"‘{key}’ is tekst.");
        }
        else if (text.Trim().Length > max)
        {
            yield return new InputRefusal(key, $"{subject} is te lang: {DutchFormat.Number(text.Trim().Length)} tekens; ten hoogste {max}.");
        }
    }

    [GeneratedRegex(@"^\d{1,3}\s*[.):]\s*")]
    private static partial Regex LeadingNumber();
}
