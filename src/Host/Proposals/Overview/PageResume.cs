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

        return input;
    }

    /// <summary>Who acts, through the pages; the form's random id makes a double click or a re-posted form count once.</summary>
    public static Trigger Trigger(ClaimsPrincipal user, string? formulier) =>
        new(ApiTrigger.For(user).Actor, Channel.Page, formulier is { Length: 32 } && formulier.All(char.IsAsciiHexDigitLower) ? "pagina:" + formulier : null);
}
