using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Queries;
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

    /// <summary>An open request with the people the mail server refused (not reached: the secretary was told).</summary>
    /// <param name="Answer">How to answer it (resume its bookmark with this input), as its step declares it.</param>
    public sealed record Response(string BookmarkId, string ActivityId, string Kind, string AskedOf, IReadOnlyList<Addressee> Addressees,
        bool PassedOn, string? Deadline, int? Round, string? Choice, IReadOnlyList<NotReached> NotReached, AnswerForm? Answer);

    /// <summary>
    /// What an answer holds: the property of the choice and the choices (code and label), the text fields, and whether a
    /// reason (<c>namens</c>) is needed, which it is for an answer recorded for a member or body through the API.
    /// </summary>
    public sealed record AnswerForm(string Title, string? ChoiceField, IReadOnlyList<Option> Choices, IReadOnlyList<Option> Fields, string? OnBehalfField);

    /// <param name="Required">For a field: required whatever the choice; for a choice: the fields it needs filled in are in <paramref name="Needs"/>.</param>
    public sealed record Option(string Code, string Label, bool Required = false, IReadOnlyList<string>? Needs = null);

    public sealed record NotReached(string MemberId, string Name, string Email, string Reason, DateTimeOffset At);

    internal static async Task<Results<Ok<IReadOnlyList<Response>>, ProblemHttpResult>> HandleAsync(
        string instanceId,
        [FromServices] IWorkflowReader workflows,
        [FromServices] AdviesRoute.Host.Data.HostDbContext hostDb,
        [FromServices] IGovernanceDirectory directory,
        [FromServices] AdviesRoute.Workflows.Activities.ActivityRegistry registry,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Instantie {instanceId} bestaat niet.");
        }

        var today = DutchTime.Today(time.GetUtcNow());
        var definition = await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken);
        // A revoked link no longer counts: the member has a new one (after an address was corrected, at the new address).
        var refused = await hostDb.MailLinks.AsNoTracking().Where(l => l.InstanceId == instanceId && l.NotReachedReason != null && l.RevokedAt == null).ToListAsync(cancellationToken);
        IReadOnlyList<Response> requests = OpenRequests.For(instance, directory.Current, today).Select(r => new Response(
            r.BookmarkId, r.ActivityId, r.Kind, r.AskedOf, r.Addressees, r.PassedOn, r.Deadline, r.Round, r.Choice,
            refused.Where(l => l.ActivityId == r.ActivityId && l.Round == r.Round
                    && (l.MemberName == r.AskedOf || r.Addressees.Any(a => a.MemberId == l.MemberId)))
                .Select(l => new NotReached(l.MemberId, l.MemberName, l.Email, l.NotReachedReason!, new DateTimeOffset(l.NotReachedAt!.Value, TimeSpan.Zero)))
                .ToList(),
            definition is null ? null : FormOf(StepDeclarations.Request(registry, definition, r.ActivityId, r.Kind)))).ToList();
        return TypedResults.Ok(requests);
    }

    private static AnswerForm? FormOf(RequestDeclaration? request) => request is null ? null : new AnswerForm(
        request.Title,
        request.ChoiceField,
        [.. request.Choices.Select(c => new Option(c.Code, c.Label, Needs: c.Requires))],
        [.. request.Fields.Select(f => new Option(f.Name, f.Label, f.Required))],
        request.IsSomeonesAnswer ? RequestDeclaration.OnBehalfField : null);
}
