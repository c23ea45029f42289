using System.Security.Claims;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Api;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>A step's form on the pages, turned into the resume the engine takes: the same for every page that posts one.</summary>
public static class PageResume
{
    /// <summary>The step's input from the form's <c>invoer.*</c> fields, and the votes per member from its <c>stem.*</c> fields; empty fields left out.</summary>
    public static JsonObject Input(IFormCollection form)
    {
        var input = new JsonObject();
        var votes = new JsonArray();
        foreach (var (key, value) in form)
        {
            var text = value.ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (key.StartsWith("invoer.", StringComparison.Ordinal))
            {
                input[key["invoer.".Length..]] = text;
            }
            else if (key.StartsWith("stem.", StringComparison.Ordinal))
            {
                votes.Add(new JsonObject { ["lid"] = key["stem.".Length..], ["keuze"] = text });
            }
        }

        if (votes.Count > 0)
        {
            input["stemmen"] = votes;
        }

        if (AmendedPoints(form) is { Count: > 0 } amended)
        {
            input[AdviesRoute.Activities.Governance.Declarations.MeetingAnswer.AmendedPointsField] = amended;
        }

        return input;
    }

    /// <summary>The start of the fields with a beslispunt's text as the meeting adopted it (<c>beslispunt.2</c>).</summary>
    public const string AmendedPointPrefix = "beslispunt.";

    /// <summary>
    /// Every <c>beslispunt.N</c> field as <c>{ nummer, tekst }</c>: the form prefills each with the current text, and the step keeps
    /// only those that differ ("gewijzigd vastgesteld").
    /// </summary>
    private static JsonArray AmendedPoints(IFormCollection form) => new(form
        .Where(f => f.Key.StartsWith(AmendedPointPrefix, StringComparison.Ordinal)
            && int.TryParse(f.Key[AmendedPointPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        .Select(f => (Number: int.Parse(f.Key[AmendedPointPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture), Text: f.Value.ToString()))
        .OrderBy(f => f.Number)
        .Select(f => (JsonNode)new JsonObject { ["nummer"] = f.Number, ["tekst"] = f.Text })
        .ToArray());

    /// <summary>Who acts, through the pages; the form's random id makes a double click or a re-posted form count once.</summary>
    public static Trigger Trigger(ClaimsPrincipal user, string? formulier) =>
        new(ApiTrigger.For(user).Actor, Channel.Page, formulier is { Length: 32 } && formulier.All(char.IsAsciiHexDigitLower) ? "pagina:" + formulier : null);
}
