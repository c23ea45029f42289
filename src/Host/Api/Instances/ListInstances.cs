using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary>
/// <c>GET /api/instances?status=&amp;definitionId=&amp;after=&amp;pageSize=</c>: newest first, keyset paged by the
/// engine's <see cref="IWorkflowReader.PageSummariesAsync"/> (no OFFSET, no COUNT), so a page costs the same at any depth.
/// </summary>
public static class ListInstances
{
    public const int DefaultPageSize = 50;

    public sealed record Response(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed record Item(string Id, string DefinitionId, int DefinitionVersion, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        [FromServices] IWorkflowReader reader,
        string? status = null,
        string? definitionId = null,
        string? after = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        WorkflowStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                parsedStatus = s;
            }
            else
            {
                errors["status"] = [$"Onbekende status '{status}'; kies uit {string.Join(", ", Enum.GetNames<WorkflowStatus>())}."];
            }
        }

        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > IWorkflowReader.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize ligt tussen 1 en {IWorkflowReader.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Ongeldig verzoek");
        }

        var query = new InstanceQuery
        {
            Statuses = parsedStatus is { } only ? [only] : null,
            DefinitionId = string.IsNullOrEmpty(definitionId) ? null : definitionId,
        };
        InstancesPage<InstanceSummary> page;
        try
        {
            page = await reader.PageSummariesAsync(query, string.IsNullOrEmpty(after) ? null : after, size, cancellationToken);
        }
        catch (FormatException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [ex.Message] }, title: "Ongeldig verzoek");
        }

        return TypedResults.Ok(new Response(
            page.Items.Select(i => new Item(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CreatedAt, i.UpdatedAt, i.FinishedAt)).ToList(),
            page.NextCursor));
    }
}
