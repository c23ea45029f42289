using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Host.Api;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Designer;

/// <summary>
/// The designer's API under <c>/api/definitions</c>: drafts (saved even when invalid, with their errors), publishing,
/// versions, diff, revert, import, a test run on simulated time, and moving running instances to a new version.
/// Only process owners and admins.
/// </summary>
internal static class DesignerEndpoints
{
    /// <param name="Revision">The revision the edit is based on (0 for the first draft); a stale one gets 409.</param>
    public sealed record SaveDraftRequest(int Revision, JsonNode? Definition);

    /// <param name="Start">The day the sample proposal starts (jjjj-mm-dd); today when absent.</param>
    /// <param name="Outcomes">Per decision step (by id) the outcome to take the first time the route passes it; the expected one elsewhere.</param>
    public sealed record TestRunRequest(DateOnly? Start, JsonObject? Input, Dictionary<string, string>? Outcomes = null);

    public sealed record MoveRequest(int? To, List<string>? Instances);

    public sealed record PublishResult(int Version, bool Changed);

    /// <param name="Title">The step as people read it; "Stap zonder titel (…)" for a step without a title.</param>
    /// <param name="DateText">The step's day in words: "20 januari 2027".</param>
    public sealed record TestRunStep(string ActivityId, DateOnly Date, string Text, string Port, string Title, string DateText);

    public sealed record TestRunResult(IReadOnlyList<string> Path, IReadOnlyList<TestRunStep> Steps, DateOnly? DecisionDate, DateOnly End);

    public static void MapDesignerApi(this RouteGroupBuilder definitions)
    {
        definitions.MapDesignerAnalysis();
        definitions.MapGet("/{definitionId}/draft", GetDraftAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("GetDraft")
            .WithSummary("Het concept van een definitie met wat er nog fout aan is (zonder concept: de nieuwste versie).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapPut("/{definitionId}/draft", SaveDraftAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("SaveDraft")
            .WithSummary("Slaat het concept op, ook als het nog fouten heeft; die staan in errors. Nieuwe of gewijzigde programmacode (JavaScript) alleen van een beheerder.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        definitions.MapDelete("/{definitionId}/draft", DiscardDraftAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("DiscardDraft")
            .WithSummary("Gooit het concept weg.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapPost("/{definitionId}/draft/publish", PublishAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("PublishDraft")
            .WithSummary("Publiceert het concept als nieuwe versie; een concept met fouten wordt geweigerd en er verandert niets.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        definitions.MapPost("/{definitionId}/draft/test-run", TestRunAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("TestRunDraft")
            .WithSummary("Proefrit van het concept met een voorbeeldvoorstel op gesimuleerde tijd; er gaat geen mail uit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        definitions.MapGet("/{definitionId}/versions", ListVersionsAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("ListDefinitionVersions")
            .WithSummary("Alle versies van een definitie, nieuwste eerst: wie publiceerde wanneer.");
        definitions.MapGet("/{definitionId}/diff", DiffAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("DiffDefinitionVersions")
            .WithSummary("Wat er verschilt tussen twee versies (of een versie en het concept: to=draft).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapPost("/{definitionId}/versions/{version:int}/revert", RevertAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("RevertToVersion")
            .WithSummary("Maakt van een oude versie het concept, om als nieuwe versie te publiceren.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("ImportDefinition")
            .WithSummary("Leest een definitiebestand in als concept; een onleesbaar of ongeldig bestand wordt geweigerd en er verandert niets.")
            .Accepts<JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        definitions.MapPost("/new", CreateRouteAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("CreateRoute")
            .WithSummary("Maakt een nieuwe route als concept: leeg (start en einde) of een kopie van een andere route; een bestaande route wordt nooit overschreven.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        definitions.MapGet("/{definitionId}/migration", DryRunAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("DryRunMigration")
            .WithSummary("Proef: waar elk lopend voorstel in versie 'to' terechtkomt en wat niet over kan.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapPost("/{definitionId}/migration", MoveAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("MoveRunningInstances")
            .WithSummary("Verplaatst de gekozen lopende voorstellen naar versie 'to'; elk wordt in het journaal vastgelegd.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetDraftAsync(string definitionId, [FromServices] DesignerDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.GetAsync(definitionId, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound($"Definitie '{definitionId}' bestaat niet.");

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> SaveDraftAsync(string definitionId, [FromBody] SaveDraftRequest request,
        [FromServices] DesignerDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await drafts.SaveAsync(definitionId, request.Revision, request.Definition, Actor(http), MayWriteScript(http), cancellationToken));
        }
        catch (DraftRefusedException ex)
        {
            return Refused(ex);
        }
        catch (DraftScriptForbiddenException ex)
        {
            return ScriptForbidden(ex);
        }
        catch (DraftConflictException ex)
        {
            var problem = TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Intussen gewijzigd", detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["revision"] = ex.Current.Revision, ["savedBy"] = ex.Current.SavedBy });
            return problem;
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardDraftAsync(string definitionId, [FromServices] DesignerDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.DiscardAsync(definitionId, cancellationToken) ? TypedResults.NoContent() : NotFound($"Er is geen concept van '{definitionId}'.");

    private static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> PublishAsync(string definitionId, [FromServices] DesignerDrafts drafts,
        [FromServices] ILoggerFactory loggers, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var result = await drafts.PublishAsync(definitionId, Actor(http), cancellationToken);
            loggers.CreateLogger("AdviesRoute.Designer").LogInformation("{User} published {Definition} version {Version} (changed: {Changed}).", Actor(http), definitionId, result.Version, result.Changed);
            return TypedResults.Ok(new PublishResult(result.Version, result.Changed));
        }
        catch (DraftRefusedException ex)
        {
            return Refused(ex);
        }
        catch (DefinitionValidationException ex)
        {
            return Refused(new DraftRefusedException("Het concept heeft nog fouten en is niet gepubliceerd.",
                ex.Errors.Select(e => new DraftError(e.Path, e.Code, e.Message, e.Line, e.Position)).ToList()));
        }
    }

    private static async Task<Results<Ok<TestRunResult>, ProblemHttpResult>> TestRunAsync(string definitionId, [FromBody] TestRunRequest request,
        [FromServices] DesignerDrafts drafts, [FromServices] RouteSimulator simulator, [FromServices] IGovernanceDirectory directory, [FromServices] TimeProvider time,
        [FromServices] ActivityRegistry registry, CancellationToken cancellationToken)
    {
        var (model, refused) = await DesignerAnalysisEndpoints.ReadAsync(definitionId, drafts, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var input = request.Input ?? [];
        var problems = TestRunProblems(model!, input, request.Outcomes ?? [], registry);
        if (problems.Count > 0)
        {
            // Nothing runs on a sample the route would refuse: the person sees which input or outcome to fix.
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Testrun niet gestart",
                detail: string.Join(" ", problems),
                extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new DraftError("", "TestRunInput", p)).ToList() });
        }

        try
        {
            var route = simulator.Simulate(model!, input, request.Start ?? AdviesRoute.Activities.Calendar.DutchTime.Today(time.GetUtcNow()), directory.Current,
                request.Outcomes ?? []);
            // The walk starts after the Start activity; the path on the canvas starts on it.
            var path = model!.Root.Activities.Where(a => a.Type == "Start").Select(a => a.Id).Take(1).ToList();
            foreach (var step in route.Steps.Where(s => !path.Contains(s.ActivityId)))
            {
                path.Add(step.ActivityId);
            }

            return TypedResults.Ok(new TestRunResult(path, route.Steps.Select(s => new TestRunStep(s.ActivityId, s.Date, s.Description, s.Port, s.Title, s.DateText)).ToList(),
                route.DecisionDate, route.End));
        }
        catch (SimulationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Proefrit gestopt", detail: ex.Message);
        }
    }

    /// <summary>What keeps a test run from starting, in Dutch: an input the route refuses, an outcome a step does not have.</summary>
    private static List<string> TestRunProblems(WorkflowDefinitionModel model, JsonObject input, Dictionary<string, string> outcomes,
        ActivityRegistry registry)
    {
        // The same check a start of the route gets, so the test run refuses what a real proposal would be refused.
        var problems = RouteInputCheck.Problems(model, input).ToList();
        var compiled = new CompiledDefinition("testrun", model, registry);
        foreach (var (activityId, port) in outcomes)
        {
            if (!compiled.TryGetNode(activityId, out var node) || !RoutePaths.IsDecisionStepOf(node))
            {
                problems.Add("Een gekozen uitkomst hoort bij een stap die niet (meer) in het concept staat of niets te kiezen heeft; start de testrun opnieuw.");
            }
            else if (!node.Ports.Contains(port))
            {
                var title = RouteStep.TitleOf(node.Node.DisplayName, node.Descriptor.DisplayName);
                problems.Add($"De stap ‘{title}’ heeft die uitkomst niet. Kies {string.Join(", ", node.Ports.Select(p => $"‘{node.Descriptor.PortLabelOf(node.Node, p) ?? p}’"))}.");
            }
        }

        return problems;
    }

    private static async Task<Ok<IReadOnlyList<VersionView>>> ListVersionsAsync(string definitionId, [FromServices] DesignerDrafts drafts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await drafts.VersionsAsync(definitionId, cancellationToken));

    private static async Task<Results<Ok<DefinitionDifference>, ProblemHttpResult>> DiffAsync(string definitionId, string? from, string? to,
        [FromServices] DesignerDrafts drafts, [FromServices] ActivityRegistry registry, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer", detail: "Geef 'from' en 'to' op: een versienummer of 'draft'.");
        }

        var a = await drafts.DefinitionAsync(definitionId, from, cancellationToken);
        var b = await drafts.DefinitionAsync(definitionId, to, cancellationToken);
        return a is null || b is null
            ? NotFound($"Versie {(a is null ? from : to)} van '{definitionId}' bestaat niet.")
            : TypedResults.Ok(DefinitionDiff.Compare(from, a, to, b,
                type => type is not null && registry.TryGet(type, null, out var descriptor, out _) ? descriptor : null));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> RevertAsync(string definitionId, int version, [FromServices] DesignerDrafts drafts,
        HttpContext http, CancellationToken cancellationToken) =>
        await drafts.RevertAsync(definitionId, version, Actor(http), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NotFound($"Versie {version} van '{definitionId}' bestaat niet.");

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> ImportAsync([FromServices] DesignerDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        string json;
        using (var reader = new StreamReader(http.Request.Body))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            return TypedResults.Ok(await drafts.ImportAsync(json, Actor(http), MayWriteScript(http), cancellationToken));
        }
        catch (DraftRefusedException ex)
        {
            return Refused(ex);
        }
        catch (DraftScriptForbiddenException ex)
        {
            return ScriptForbidden(ex);
        }
    }

    private static async Task<Results<Created<DraftView>, ProblemHttpResult>> CreateRouteAsync([FromBody] NewRoute? request, [FromServices] DesignerDrafts drafts,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer", detail: "Geef de naam van de nieuwe route.");
        }

        try
        {
            var view = await drafts.CreateAsync(request, Actor(http), cancellationToken);
            return TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(view.DefinitionId)}/draft", view);
        }
        catch (DraftRefusedException ex)
        {
            var taken = ex.Errors.Any(e => e.Code == "taken");
            return TypedResults.Problem(statusCode: taken ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                title: taken ? "Bestaat al" : "Ongeldige invoer", detail: ex.Message, extensions: new Dictionary<string, object?> { ["errors"] = ex.Errors });
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<MovePlan>>, ProblemHttpResult>> DryRunAsync(string definitionId, int? to,
        [FromServices] RunningInstanceMoves moves, CancellationToken cancellationToken) =>
        to is { } version
            ? TypedResults.Ok(await moves.DryRunAsync(definitionId, version, cancellationToken))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer", detail: "Geef de versie op waarheen ('to').");

    private static async Task<Results<Ok<IReadOnlyList<MoveResult>>, ProblemHttpResult>> MoveAsync(string definitionId, [FromBody] MoveRequest request,
        [FromServices] RunningInstanceMoves moves, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.To is not { } version || request.Instances is not { Count: > 0 } instances)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer",
                detail: "Geef de versie waarheen ('to') en de voorstellen die over moeten ('instances').");
        }

        return TypedResults.Ok(await moves.MoveAsync(definitionId, version, instances, ApiTrigger.For(http.User), cancellationToken));
    }

    private static string Actor(HttpContext http) => ApiTrigger.For(http.User).Actor ?? "onbekend";

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: detail);

    /// <summary>Only an administrator writes JavaScript in a route (ADR 0031).</summary>
    private static bool MayWriteScript(HttpContext http) => http.User.IsInRole(Roles.Admin);

    private static ProblemHttpResult ScriptForbidden(DraftScriptForbiddenException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Programmacode alleen voor beheerders", detail: ex.Message);

    private static ProblemHttpResult Refused(DraftRefusedException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige definitie", detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = ex.Errors });
}
