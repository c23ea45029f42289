using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Host.Api;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Proposals.DecisionPoints;

/// <summary>The refusals of a proposal's beslispunten and start facts as problem details (422), for the API.</summary>
public static class DecisionPointProblems
{
    /// <summary>
    /// The start input's beslispunten, kenmerk, steller, openbaarheid and zienswijzen vrijgesteld checked
    /// (<see cref="DecisionPointRules.CheckStart"/>); null when nothing is refused. Beslispunten sent without numbers are
    /// numbered in the input as it will be stored.
    /// </summary>
    public static ProblemHttpResult? OfStart(JsonObject? input)
    {
        if (DecisionPointRules.CheckStart(input) is { Count: > 0 } refusals)
        {
            return Refused(refusals.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()),
                "Het voorstel is niet gestart: " + string.Join(" ", refusals.Select(r => r.Message)));
        }

        if (input?["beslispunten"] is { } given && DecisionPointRules.Read(given).Points is { } points)
        {
            input["beslispunten"] = DecisionPointChange.ToJson(points);
        }

        return null;
    }

    public static ProblemHttpResult Refused(IDictionary<string, string[]> errors, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Ongeldige invoer",
            Detail = detail,
        });
}

/// <summary><c>GET</c> and <c>PUT /api/instances/{instanceId}/beslispunten</c>: a proposal's beslispunten, and changing them until the DB decided.</summary>
public static class DecisionPointEndpoints
{
    /// <param name="Beslispunten">The whole new list, numbered 1, 2, 3 … (a point without <c>nummer</c> takes its place).</param>
    public sealed record Request([property: JsonPropertyName("beslispunten")] JsonNode? Beslispunten);

    /// <param name="Beslispunten">The beslispunten as stored now.</param>
    /// <param name="Gewijzigd">Whether this call changed them (false when they were already so).</param>
    /// <param name="Wijzigbaar">Whether they may still change (the DB has not decided).</param>
    public sealed record Response(
        [property: JsonPropertyName("beslispunten")] IReadOnlyList<Beslispunt> Beslispunten,
        [property: JsonPropertyName("gewijzigd")] bool Gewijzigd,
        [property: JsonPropertyName("wijzigbaar")] bool Wijzigbaar);

    public static IEndpointRouteBuilder MapDecisionPoints(this IEndpointRouteBuilder instances)
    {
        instances.MapGet("/{instanceId}/beslispunten", GetAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .WithName("GetDecisionPoints")
            .WithSummary("De beslispunten van een voorstel, en of ze nog gewijzigd kunnen worden.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPut("/{instanceId}/beslispunten", PutAsync)
            .RequireAuthorization(Policies.OperateInstances)
            .WithName("ChangeDecisionPoints")
            .WithSummary("Vervangt de beslispunten van een voorstel, zolang het dagelijks bestuur niet heeft besloten; de wijziging komt in het journaal.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return instances;
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        string instanceId, [FromServices] AdviesRoute.Workflows.Queries.IWorkflowReader workflows, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Voorstel {instanceId} bestaat niet.");
        }

        var journal = await workflows.GetJournalAsync(instanceId, cancellationToken: cancellationToken);
        var locked = instance.Status is AdviesRoute.Workflows.Runtime.WorkflowStatus.Finished or AdviesRoute.Workflows.Runtime.WorkflowStatus.Cancelled
            || ChangeDecisionPoints.Lock(journal, await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken)) is not null;
        return TypedResults.Ok(new Response(ProposalInput.Read(instance.Input).DecisionPoints ?? [], false, !locked));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> PutAsync(
        string instanceId,
        [FromBody] Request? request,
        [FromServices] ChangeDecisionPoints change,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (points, refusals) = DecisionPointRules.Read(request?.Beslispunten);
        if (points is null)
        {
            return DecisionPointProblems.Refused(new Dictionary<string, string[]> { ["beslispunten"] = [.. refusals] },
                string.Join(" ", refusals) + " Er is niets gewijzigd.");
        }

        var result = await change.ChangeAsync(instanceId, points, ApiTrigger.For(user), cancellationToken);
        return result.Outcome switch
        {
            DecisionPointsOutcome.Changed or DecisionPointsOutcome.Unchanged =>
                TypedResults.Ok(new Response(result.Points, result.Outcome == DecisionPointsOutcome.Changed, true)),
            DecisionPointsOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: result.Reason),
            DecisionPointsOutcome.Locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Kan niet meer", detail: result.Reason),
            _ => DecisionPointProblems.Refused(new Dictionary<string, string[]> { ["beslispunten"] = [.. result.Reasons] }, result.Reason),
        };
    }
}
