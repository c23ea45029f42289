using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary>
/// <c>GET /api/instances?status=&amp;definitionId=&amp;after=&amp;pageSize=</c>: newest first, keyset paged by the
/// engine's <see cref="InstanceList"/> (no OFFSET, no COUNT), so a page costs the same at any depth.
/// </summary>
public static class ListInstances
{
    public const int DefaultPageSize = 50;

    public sealed record Response(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed record Item(string Id, string DefinitionId, int DefinitionVersion, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        [FromServices] WorkflowDbContext db,
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
        if (size is < 1 or > InstanceList.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize ligt tussen 1 en {InstanceList.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Ongeldig verzoek");
        }

        InstancePage page;
        try
        {
            page = await InstanceList.PageAsync(
                db,
                new InstanceFilter(parsedStatus?.ToString(), string.IsNullOrEmpty(definitionId) ? null : definitionId),
                string.IsNullOrEmpty(after) ? null : after,
                size,
                cancellationToken);
        }
        catch (FormatException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [ex.Message] }, title: "Ongeldig verzoek");
        }

        return TypedResults.Ok(new Response(
            page.Items.Select(i => new Item(
                i.Id, i.DefinitionId, i.DefinitionVersion, i.Status,
                GetInstance.Utc(i.CreatedAt), GetInstance.Utc(i.UpdatedAt),
                i.FinishedAt is { } f ? GetInstance.Utc(f) : null)).ToList(),
            page.NextCursor));
    }
}
