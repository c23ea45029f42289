using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// What the governance use cases share: the raw JSON of a request, the answer with a stored document, and the
/// optimistic concurrency of HTTP: the version as <c>ETag: "N"</c>, a change based on it with <c>If-Match: "N"</c>.
/// </summary>
internal static class GovernanceRequest
{
    /// <summary>
    /// The body as text: the store validates it like a seed file, so malformed JSON gets the same answer (path,
    /// line, position in <c>errors</c>) as any other refused document.
    /// </summary>
    public static async Task<string> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public static string Actor(ClaimsPrincipal user) => ApiTrigger.For(user).Actor ?? "onbekend";

    /// <summary>Sets <c>ETag: "N"</c>: the version a later change quotes in <c>If-Match</c>.</summary>
    public static void SetETag(HttpResponse response, long version) =>
        response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version named by <c>If-Match</c> (<c>"N"</c> as the ETag gave it, or a bare <c>N</c>); null without the
    /// header or with <c>*</c> (any version: the last writer wins). Anything else is a 400 in <paramref name="problem"/>.
    /// </summary>
    public static bool TryExpectedVersion(HttpRequest request, out long? expectedVersion, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        expectedVersion = null;
        problem = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return true;
        }

        var value = values.Count == 1 ? values[0]?.Trim() ?? "" : "";
        if (value == "*")
        {
            return true;
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expectedVersion = version;
            return true;
        }

        problem = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldig verzoek",
            detail: $"If-Match '{string.Join(", ", values.ToArray())}' is geen versienummer; geef de ETag van de GET (bijvoorbeeld \"4\"), of * voor elke versie.");
        return false;
    }

    public static ProblemHttpResult NothingStored(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Er is nog geen {what} opgeslagen.");
}

/// <summary>A stored version of the governance model or the jaarkalender, with its document.</summary>
/// <param name="Version">The version number (1, 2, …) to quote beside decisions.</param>
/// <param name="ChangedBy">Who stored it.</param>
/// <param name="ChangedAt">When (UTC).</param>
/// <param name="Change">What changed against the previous version.</param>
/// <param name="Document">The document in the seed shape; send it back (changed) with PUT.</param>
public sealed record GovernanceDocumentResponse(long Version, string ChangedBy, DateTimeOffset ChangedAt, string Change, JsonNode Document)
{
    internal static GovernanceDocumentResponse From(StoredGovernanceDocument stored) =>
        new(stored.Version, stored.Actor, stored.At, stored.Change, JsonNode.Parse(stored.Json)!);
}
