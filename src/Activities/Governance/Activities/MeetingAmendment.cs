using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// "Gewijzigd vastgesteld": the meeting adopted the proposal with the text of one or more beslispunten amended. The
/// secretary sends the amended text per beslispunt (the form prefills the current text; a point sent unchanged is not
/// amended); the step keeps only the changed ones in its journal line and makes them the proposal's beslispunten in the
/// same burst, so every page, mail and list shows the amended text from then on.
/// </summary>
public static class MeetingAmendment
{
    /// <summary>
    /// The beslispunten the meeting amended, checked against the outcome; none for an outcome without amendments.
    /// A proposal without beslispunten (started before they existed) may be "gewijzigd vastgesteld" without them.
    /// </summary>
    /// <exception cref="ResumeRejectedException">Amended points with another outcome, "gewijzigd vastgesteld" without a change, or a point that is not the proposal's.</exception>
    public static IReadOnlyList<Beslispunt>? Check(JsonObject proposalInput, string port, JsonNode? sent)
    {
        var current = ProposalInput.ReadPoints(proposalInput["beslispunten"]) ?? [];
        var changed = Changed(current, sent);
        if (port == BesluitActivity.GewijzigdVastgesteld)
        {
            if (changed.Count == 0 && current.Count > 0)
            {
                throw new ResumeRejectedException("Bij ‘Gewijzigd vastgesteld’ hoort de gewijzigde tekst van ten minste één beslispunt: pas de tekst aan zoals de vergadering hem vaststelde, of kies ‘Vastgesteld’. Er is niets vastgelegd.");
            }

            return changed.Count == 0 ? null : changed;
        }

        if (changed.Count > 0)
        {
            throw new ResumeRejectedException($"De tekst van {Points(changed)} is aangepast, maar de uitkomst is niet ‘Gewijzigd vastgesteld’: kies ‘Gewijzigd vastgesteld’, of zet de tekst terug. Er is niets vastgelegd.");
        }

        return null;
    }

    /// <summary>Makes the amended texts the proposal's beslispunten.</summary>
    public static void Apply(JsonObject proposalInput, IReadOnlyList<Beslispunt>? amended)
    {
        if (amended is not { Count: > 0 })
        {
            return;
        }

        var current = ProposalInput.ReadPoints(proposalInput["beslispunten"]) ?? [];
        proposalInput["beslispunten"] = DecisionPointChange.ToJson(current.Select(p => amended.FirstOrDefault(a => a.Number == p.Number) ?? p));
    }

    private static List<Beslispunt> Changed(IReadOnlyList<Beslispunt> current, JsonNode? sent)
    {
        if (sent is null)
        {
            return [];
        }

        if (sent is not JsonArray list)
        {
            throw new ResumeRejectedException($"‘{Declarations.MeetingAnswer.AmendedPointsField}’ is een lijst van beslispunten, elk met ‘nummer’ en ‘tekst’. Er is niets vastgelegd.");
        }

        var changed = new List<Beslispunt>();
        var seen = new HashSet<int>();
        foreach (var item in list)
        {
            if (item is not JsonObject point || point["nummer"] is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || !n.TryGetValue<int>(out var number))
            {
                throw new ResumeRejectedException("Een gewijzigd beslispunt noemt geen nummer (‘nummer’). Er is niets vastgelegd.");
            }

            var before = current.FirstOrDefault(p => p.Number == number)
                ?? throw new ResumeRejectedException(current.Count == 0
                    ? "Dit voorstel heeft geen beslispunten om te wijzigen; beschrijf de wijziging in de toelichting. Er is niets vastgelegd."
                    : $"Het voorstel heeft geen beslispunt {number}; het heeft er {current.Count}. Er is niets vastgelegd.");
            if (!seen.Add(number))
            {
                throw new ResumeRejectedException($"Beslispunt {number} staat twee keer in de wijziging. Er is niets vastgelegd.");
            }

            var text = point["tekst"] is JsonValue t && t.TryGetValue<string>(out var s) ? s.Trim() : "";
            if (text.Length == 0)
            {
                throw new ResumeRejectedException($"Beslispunt {number} heeft geen tekst meer. Laat een punt dat niet wijzigde staan zoals het was; een geschrapt punt beschrijft u in de toelichting. Er is niets vastgelegd.");
            }

            if (FreeText.IsTooLong(text))
            {
                throw new ResumeRejectedException(FreeText.TooLongMessage($"Beslispunt {number}", text));
            }

            if (text.ReplaceLineEndings("\n") != before.Text.ReplaceLineEndings("\n"))
            {
                changed.Add(new Beslispunt(number, text));
            }
        }

        return [.. changed.OrderBy(p => p.Number)];
    }

    private static string Points(IReadOnlyList<Beslispunt> points) => points.Count == 1
        ? $"beslispunt {points[0].Number}"
        : "beslispunten " + AdviesRoute.Activities.Texts.DutchFormat.List(points.Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
}
