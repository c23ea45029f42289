using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Designer;

/// <summary>A draft as the designer gets it: the definition, what is wrong with it, and whom and what it is based on.</summary>
public sealed record DraftView(string DefinitionId, int? BasedOnVersion, int Revision, DateTime? SavedAt, string? SavedBy, JsonNode Definition,
    IReadOnlyList<DraftError> Errors);

/// <summary>One thing wrong with a draft, at its JSON path (e.g. <c>$.root.connections[2].target</c>).</summary>
/// <param name="Line">For an imported file: where in the file (1-based), when known.</param>
public sealed record DraftError(string Path, string Code, string Message, int? Line = null, int? Position = null);

/// <summary>A definition version as the version list shows it.</summary>
public sealed record VersionView(int Version, bool IsPublished, bool IsLatest, DateTime CreatedAt, string? CreatedBy, string? Source);

/// <summary>The body is no definition at all (not JSON, not an object, another definition's id): nothing was stored.</summary>
public sealed class DraftRefusedException(string message, IReadOnlyList<DraftError>? errors = null) : Exception(message)
{
    public IReadOnlyList<DraftError> Errors { get; } = errors ?? [];
}

/// <summary>Someone else saved the draft since the revision this save was based on: nothing was stored.</summary>
public sealed class DraftConflictException(DefinitionDraft current)
    : Exception($"Het concept is intussen opgeslagen door {current.SavedBy} (revisie {current.Revision}); laad het opnieuw.")
{
    public DefinitionDraft Current { get; } = current;
}

/// <summary>
/// The drafts of the designer. A draft is stored even when it is invalid (it is work in progress, saved as the owner
/// types) and lists what is wrong; only publishing asks the engine to validate and store a new version, and a refused
/// publish changes nothing. Running instances only ever see published engine versions.
/// </summary>
public sealed class DesignerDrafts(HostDbContext host, IWorkflowReader reader, DefinitionValidator validator, DefinitionStore store, TimeProvider time,
    ActivityRegistry registry)
{
    public async Task<DraftView?> GetAsync(string definitionId, CancellationToken cancellationToken)
    {
        var draft = await host.DefinitionDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        if (draft is not null)
        {
            return View(draft);
        }

        var latest = await reader.GetDefinitionAsync(DefinitionRef.Latest(definitionId), cancellationToken);
        return latest is null ? null : new DraftView(definitionId, latest.Summary.Version, 0, null, null, Clean(JsonNode.Parse(latest.Json)!), []);
    }

    /// <summary>Stores the draft (even when invalid) and says what is wrong with it.</summary>
    /// <exception cref="DraftRefusedException">Not a definition of <paramref name="definitionId"/>.</exception>
    /// <exception cref="DraftConflictException"><paramref name="revision"/> is not the stored one.</exception>
    public Task<DraftView> SaveAsync(string definitionId, int revision, JsonNode? definition, string user, CancellationToken cancellationToken) =>
        SaveAsync(definitionId, revision, definition, user, mayWriteScript: true, cancellationToken);

    /// <summary>Stores the draft (even when invalid) and says what is wrong with it.</summary>
    /// <param name="mayWriteScript">False for someone who is not an administrator: then a draft that adds or changes JavaScript is refused.</param>
    /// <exception cref="DraftRefusedException">Not a definition of <paramref name="definitionId"/>.</exception>
    /// <exception cref="DraftConflictException"><paramref name="revision"/> is not the stored one.</exception>
    /// <exception cref="DraftScriptForbiddenException">New or changed JavaScript from someone who may not write it; nothing stored.</exception>
    public async Task<DraftView> SaveAsync(string definitionId, int revision, JsonNode? definition, string user, bool mayWriteScript, CancellationToken cancellationToken)
    {
        if (definition is not JsonObject body)
        {
            throw new DraftRefusedException("Stuur de definitie als JSON-object in 'definition'.");
        }

        var json = body.ToJsonString();
        Parse(json, definitionId);
        var draft = await host.DefinitionDrafts.FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        if ((draft?.Revision ?? 0) != revision)
        {
            throw new DraftConflictException(draft ?? new DefinitionDraft { DefinitionId = definitionId, SavedBy = "(verwijderd)" });
        }

        if (!mayWriteScript)
        {
            DraftScriptGuard.Check(await ReplacedAsync(draft, definitionId, cancellationToken), body, registry);
        }

        draft = await PutAsync(draft, definitionId, json, basedOn: null, user, cancellationToken);
        try
        {
            await host.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor created the first draft at the same moment.
            host.ChangeTracker.Clear();
            throw new DraftConflictException(await host.DefinitionDrafts.AsNoTracking().FirstAsync(d => d.DefinitionId == definitionId, cancellationToken));
        }

        return View(draft);
    }

    public async Task<bool> DiscardAsync(string definitionId, CancellationToken cancellationToken) =>
        await host.DefinitionDrafts.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Publishes the draft as a new engine version and removes the draft.</summary>
    /// <returns>The version, and whether it is new (an unchanged draft publishes nothing).</returns>
    /// <exception cref="DefinitionValidationException">The draft is invalid; nothing changed.</exception>
    /// <exception cref="DraftRefusedException">There is no draft.</exception>
    public async Task<DefinitionSaveResult> PublishAsync(string definitionId, string user, CancellationToken cancellationToken)
    {
        var draft = await host.DefinitionDrafts.FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken)
            ?? throw new DraftRefusedException($"Er is geen concept van '{definitionId}' om te publiceren.");
        var result = await store.SaveAsync(draft.Json, publish: true, actor: user, source: "ontwerper", cancellationToken);
        host.DefinitionDrafts.Remove(draft);
        await host.SaveChangesAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<VersionView>> VersionsAsync(string definitionId, CancellationToken cancellationToken) =>
        (await reader.ListDefinitionVersionsAsync(definitionId, cancellationToken))
            .Select(d => new VersionView(d.Version, d.IsPublished, d.IsLatest, d.CreatedAt.UtcDateTime, d.CreatedBy, d.Source)).ToList();

    /// <summary>The JSON of a version as exported (without the fields the engine assigns), or of the draft for <c>"draft"</c>.</summary>
    public async Task<JsonNode?> DefinitionAsync(string definitionId, string version, CancellationToken cancellationToken)
    {
        if (version == "draft")
        {
            return (await GetAsync(definitionId, cancellationToken))?.Definition;
        }

        if (!int.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var stored = await reader.GetDefinitionAsync(DefinitionRef.OfVersion(definitionId, number), cancellationToken);
        return stored is null ? null : Clean(JsonNode.Parse(stored.Json)!);
    }

    /// <summary>Makes an old version the draft (overwriting any draft), to be edited and published as a new version.</summary>
    public async Task<DraftView?> RevertAsync(string definitionId, int version, string user, CancellationToken cancellationToken)
    {
        if (await DefinitionAsync(definitionId, version.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken) is not { } definition)
        {
            return null;
        }

        var draft = await PutAsync(await host.DefinitionDrafts.FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken),
            definitionId, definition.ToJsonString(), version, user, cancellationToken);
        await host.SaveChangesAsync(cancellationToken);
        return View(draft);
    }

    /// <summary>
    /// Imports a definition file as the draft of its definition. Unlike a save from the editor, a file must be a valid
    /// definition: a malformed or invalid file is refused with every reason and changes nothing.
    /// </summary>
    /// <exception cref="DraftRefusedException">Malformed or invalid.</exception>
    public async Task<DraftView> ImportAsync(string json, string user, CancellationToken cancellationToken)
    {
        var model = Parse(json, expectedId: null);
        var errors = validator.Validate(model);
        if (errors.Count > 0)
        {
            throw new DraftRefusedException("Het bestand is geen geldige definitie; er is niets ingelezen.", Located(json, errors));
        }

        var draft = await PutAsync(await host.DefinitionDrafts.FirstOrDefaultAsync(d => d.DefinitionId == model.DefinitionId, cancellationToken), model.DefinitionId, Clean(JsonNode.Parse(json)!).ToJsonString(), basedOn: null, user, cancellationToken);
        await host.SaveChangesAsync(cancellationToken);
        return View(draft);
    }

    /// <summary>What a save replaces: the draft, else the latest version (null for a new route).</summary>
    private async Task<JsonNode?> ReplacedAsync(DefinitionDraft? draft, string definitionId, CancellationToken cancellationToken)
    {
        if (draft is not null)
        {
            return JsonNode.Parse(draft.Json);
        }

        var latest = await reader.GetDefinitionAsync(DefinitionRef.Latest(definitionId), cancellationToken);
        return latest is null ? null : JsonNode.Parse(latest.Json);
    }

    /// <summary>The draft parsed and checked: valid enough to simulate or publish.</summary>
    /// <exception cref="DraftRefusedException">No draft, or it is invalid.</exception>
    public async Task<WorkflowDefinitionModel> ValidDraftAsync(string definitionId, CancellationToken cancellationToken)
    {
        var view = await GetAsync(definitionId, cancellationToken) ?? throw new DraftRefusedException($"Definitie '{definitionId}' bestaat niet.");
        if (view.Errors.Count > 0)
        {
            throw new DraftRefusedException("Het concept heeft nog fouten; los die eerst op.", view.Errors);
        }

        return DefinitionParser.Parse(view.Definition.ToJsonString());
    }

    /// <summary>
    /// Puts <paramref name="json"/> in the draft (a new one, based on the latest version, when there is none) as the next
    /// revision by <paramref name="user"/>; <paramref name="basedOn"/> names the version it now stems from, if it changed.
    /// The caller saves.
    /// </summary>
    private async Task<DefinitionDraft> PutAsync(DefinitionDraft? draft, string definitionId, string json, int? basedOn, string user, CancellationToken cancellationToken)
    {
        if (draft is null)
        {
            draft = new DefinitionDraft
            {
                DefinitionId = definitionId,
                BasedOnVersion = basedOn ?? (await reader.ListDefinitionVersionsAsync(definitionId, cancellationToken) is [var newest, ..] ? newest.Version : null),
            };
            host.DefinitionDrafts.Add(draft);
        }
        else if (basedOn is not null)
        {
            draft.BasedOnVersion = basedOn;
        }

        draft.Json = json;
        draft.Revision++;
        draft.SavedAt = time.GetUtcNow().UtcDateTime;
        draft.SavedBy = user;
        return draft;
    }

    private DraftView View(DefinitionDraft draft)
    {
        IReadOnlyList<DraftError> errors;
        try
        {
            errors = Located(draft.Json, validator.Validate(DefinitionParser.Parse(draft.Json)));
        }
        catch (DefinitionValidationException ex)
        {
            errors = Located(draft.Json, ex.Errors);
        }

        return new DraftView(draft.DefinitionId, draft.BasedOnVersion, draft.Revision, draft.SavedAt, draft.SavedBy, JsonNode.Parse(draft.Json)!, errors);
    }

    private static List<DraftError> Located(string json, IReadOnlyList<ValidationError> errors) =>
        DefinitionParser.Locate(json, errors).Select(e => new DraftError(e.Path, e.Code, e.Message, e.Line, e.Position)).ToList();

    /// <exception cref="DraftRefusedException">Not a definition document, or one of another definition.</exception>
    private static WorkflowDefinitionModel Parse(string json, string? expectedId)
    {
        WorkflowDefinitionModel model;
        try
        {
            model = DefinitionParser.Parse(json);
        }
        catch (DefinitionValidationException ex)
        {
            throw new DraftRefusedException("Dit is geen leesbare definitie; er is niets opgeslagen.", Located(json, ex.Errors));
        }

        if (expectedId is not null && model.DefinitionId != expectedId)
        {
            throw new DraftRefusedException($"Dit concept hoort bij definitie '{expectedId}', maar de inhoud noemt '{model.DefinitionId}'.");
        }

        if (string.IsNullOrWhiteSpace(model.DefinitionId) || model.DefinitionId.Length > 100)
        {
            throw new DraftRefusedException("De definitie heeft geen geldige definitionId.");
        }

        return model;
    }

    /// <summary>Without the fields the engine assigns (version, published, latest), so an export imports as the same definition.</summary>
    private static JsonNode Clean(JsonNode definition)
    {
        if (definition is JsonObject o)
        {
            o.Remove("version");
            o.Remove("isPublished");
            o.Remove("isLatest");
        }

        return definition;
    }
}
