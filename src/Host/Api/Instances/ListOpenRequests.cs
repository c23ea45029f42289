using System.Text.Json;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Api.Instances;

/// <summary>
/// <c>GET /api/instances/{instanceId}/requests</c>: what the instance waits on from people and bodies, addressed to
/// whoever must answer it today (a request whose member's term ended shows the successor).
/// </summary>
public static class ListOpenRequests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    internal static async Task<Results<Ok<IReadOnlyList<OpenRequest>>, ProblemHttpResult>> HandleAsync(
        string instanceId,
        [FromServices] WorkflowDbContext db,
        [FromServices] IGovernanceDirectory directory,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        var stateJson = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.StateJson).FirstOrDefaultAsync(cancellationToken);
        if (stateJson is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Instantie {instanceId} bestaat niet.");
        }

        var state = JsonSerializer.Deserialize<InstanceState>(stateJson, WorkflowJson.Options)!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);
        return TypedResults.Ok(OpenRequests.For(state, directory.Current, today));
    }
}
