using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>What the governance use cases share: the raw JSON of a request and the answer with a stored document.</summary>
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
