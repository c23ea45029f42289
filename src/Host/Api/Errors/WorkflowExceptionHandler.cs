using System.Text.Json;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Errors;

/// <summary>
/// Turns the engine's exceptions, and requests the framework could not read, into RFC 7807 problem details with
/// the status code they mean. Anything else stays a 500 without details.
/// </summary>
internal sealed class WorkflowExceptionHandler(ILogger<WorkflowExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>One rejected part of a definition, as the <c>errors</c> extension lists it.</summary>
    public sealed record DefinitionError(string Path, string Code, string Message, int? Line, int? Position);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            WorkflowNotFoundException or BookmarkNotFoundException or IncidentNotFoundException =>
                Problem(StatusCodes.Status404NotFound, "Niet gevonden", exception.Message),
            InstanceStateException =>
                Problem(StatusCodes.Status409Conflict, "Kan niet in deze toestand", exception.Message),
            MigrationRefusedException =>
                Problem(StatusCodes.Status409Conflict, "Kan niet naar deze versie", exception.Message),
            WorkflowInputException input => InvalidInput(input),
            ResumeRejectedException =>
                Problem(StatusCodes.Status422UnprocessableEntity, "Niet aanvaard", exception.Message),
            DefinitionValidationException invalid => InvalidDefinition(invalid),
            GovernanceSeedException invalid => InvalidGovernance(invalid),
            GovernanceVersionConflictException conflict => VersionConflict(conflict),
            BadHttpRequestException badRequest => UnreadableRequest(badRequest),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        logger.LogInformation("Request answered with {Status}: {Message}", problem.Status, exception.Message);
        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>A start refused for its input (a required one missing, a value not among the choices): nothing started; each problem in <c>errors</c>.</summary>
    private static ProblemDetails InvalidInput(WorkflowInputException exception)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, "Ongeldige invoer", exception.Message);
        problem.Extensions["errors"] = exception.Problems;
        return problem;
    }

    private static ProblemDetails InvalidDefinition(DefinitionValidationException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "Ongeldige definitie", "De definitie is afgekeurd; zie errors.");
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new DefinitionError(e.Path, e.Code, e.Message, e.Line, e.Position))
            .ToList();
        return problem;
    }

    /// <summary>A refused governance model, member or jaarkalender: nothing was stored; every error with its JSON path.</summary>
    private static ProblemDetails InvalidGovernance(GovernanceSeedException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "Ongeldige bestuursgegevens", "De gegevens zijn afgekeurd en niet opgeslagen; zie errors.");
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new DefinitionError(e.Path, e.Code, e.Message, e.Line, e.Position))
            .ToList();
        return problem;
    }

    /// <summary>
    /// A change based on a version that someone else replaced in between (<c>If-Match</c>): nothing was stored; the
    /// detail names the current version, who stored it and when, also as extensions for a client to show.
    /// </summary>
    private static ProblemDetails VersionConflict(GovernanceVersionConflictException exception)
    {
        var problem = Problem(StatusCodes.Status412PreconditionFailed, "Gewijzigd door een ander", exception.Message);
        problem.Extensions["currentVersion"] = exception.Current;
        problem.Extensions["changedBy"] = exception.ChangedBy;
        problem.Extensions["changedAt"] = exception.ChangedAt;
        return problem;
    }

    private static ProblemDetails UnreadableRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var where = json.Path is null ? "" : $" (bij {json.Path}, regel {(json.LineNumber ?? 0) + 1}, positie {(json.BytePositionInLine ?? 0) + 1})";
            return Problem(StatusCodes.Status400BadRequest, "Ongeldige JSON", $"De JSON in het verzoek is ongeldig{where}.");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => Problem(exception.StatusCode, ApiProblems.UnsupportedMediaTypeTitle, ApiProblems.UnsupportedMediaTypeDetail),
            StatusCodes.Status413PayloadTooLarge => Problem(exception.StatusCode, "Verzoek te groot", "Het verzoek is groter dan toegestaan."),
            _ => Problem(exception.StatusCode, "Ongeldig verzoek", exception.Message),
        };
    }
}
