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

/// <summary>What a new route starts from: a name, a description, and empty or a copy of another route.</summary>
/// <param name="CopyOf">The id of the route whose newest version is copied; empty for a route with only a start and an end.</param>
/// <param name="DefinitionId">The technical id; made from the name when absent.</param>
public sealed record NewRoute(string? Name, string? Description, string? CopyOf, string? DefinitionId = null);

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
    /// <param name="mayWriteScript">False for someone who is not an administrator: then a file that adds or changes
    /// JavaScript compared with the draft or latest version it replaces is refused, as a save from the editor is.</param>
    /// <exception cref="DraftRefusedException">Malformed or invalid.</exception>
    /// <exception cref="DraftScriptForbiddenException">New or changed JavaScript from someone who may not write it; nothing stored.</exception>
    public async Task<DraftView> ImportAsync(string json, string user, bool mayWriteScript, CancellationToken cancellationToken)
    {
        var model = Parse(json, expectedId: null);
        var errors = validator.Validate(model);
        if (errors.Count > 0)
        {
            throw new DraftRefusedException("Het bestand is geen geldige definitie; er is niets ingelezen.", Located(json, errors));
        }

        var existing = await host.DefinitionDrafts.FirstOrDefaultAsync(d => d.DefinitionId == model.DefinitionId, cancellationToken);
        if (!mayWriteScript)
        {
            DraftScriptGuard.Check(await ReplacedAsync(existing, model.DefinitionId, cancellationToken), JsonNode.Parse(json)!.AsObject(), registry);
        }

        var draft = await PutAsync(existing, model.DefinitionId, Clean(JsonNode.Parse(json)!).ToJsonString(), basedOn: null, user, cancellationToken);
        await host.SaveChangesAsync(cancellationToken);
        return View(draft);
    }

    /// <summary>
    /// Creates a new route as a draft: empty (a Start connected to an Einde) or a copy of the newest version of another
    /// route (its steps, inputs and variables), under a technical id made from the name (or <paramref name="definitionId"/>).
    /// Nothing existing is overwritten: a given id that a route or draft already has is refused; a made one is numbered.
    /// </summary>
    /// <exception cref="DraftRefusedException">No name, an unknown route to copy, or the given id is taken or invalid.</exception>
    public async Task<DraftView> CreateAsync(NewRoute request, string user, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        var description = request.Description?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new DraftRefusedException("Geef de nieuwe route een naam.", [new DraftError("name", "required", "Geef de nieuwe route een naam.")]);
        }

        if (name.Length > 200)
        {
            throw new DraftRefusedException("De naam is te lang (hoogstens 200 tekens).", [new DraftError("name", "tooLong", "De naam is te lang (hoogstens 200 tekens).")]);
        }

        if (description.Length > 4000)
        {
            throw new DraftRefusedException("De omschrijving is te lang (hoogstens 4000 tekens).", [new DraftError("description", "tooLong", "De omschrijving is te lang (hoogstens 4000 tekens).")]);
        }

        var taken = (await reader.ListDefinitionsAsync(DefinitionListing.Latest, cancellationToken)).Select(d => d.DefinitionId)
            .Concat(await host.DefinitionDrafts.AsNoTracking().Select(d => d.DefinitionId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        string id;
        if (!string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            id = request.DefinitionId.Trim();
            if (!NewRouteIds.IsValid(id))
            {
                throw new DraftRefusedException("De technische naam kan niet: gebruik kleine letters, cijfers en streepjes (hoogstens 64 tekens).",
                    [new DraftError("definitionId", "invalid", "De technische naam kan niet: gebruik kleine letters, cijfers en streepjes (hoogstens 64 tekens).")]);
            }

            if (taken.Contains(id))
            {
                throw new DraftRefusedException($"Er is al een route ‘{id}’; er is niets overschreven. Kies een andere naam.",
                    [new DraftError("definitionId", "taken", $"Er is al een route ‘{id}’.")]);
            }
        }
        else
        {
            id = NewRouteIds.Unique(NewRouteIds.FromName(name), taken);
        }

        JsonObject definition;
        if (string.IsNullOrWhiteSpace(request.CopyOf))
        {
            definition = EmptyRoute(id, name);
        }
        else
        {
            var source = await reader.GetDefinitionAsync(DefinitionRef.Latest(request.CopyOf.Trim()), cancellationToken)
                ?? throw new DraftRefusedException($"Er is geen route ‘{request.CopyOf.Trim()}’ om te kopiëren.",
                    [new DraftError("copyOf", "notFound", "De route om te kopiëren bestaat niet.")]);
            definition = Clean(JsonNode.Parse(source.Json)!).AsObject();
            definition["definitionId"] = id;
            definition["name"] = name;
        }

        definition.Remove("description");
        if (description.Length > 0)
        {
            // After the name, where the shipped files have it.
            var ordered = new JsonObject();
            foreach (var (key, value) in definition.ToList())
            {
                definition.Remove(key);
                ordered[key] = value;
                if (key == "name")
                {
                    ordered["description"] = description;
                }
            }

            definition = ordered;
        }

        var draft = await PutAsync(null, id, definition.ToJsonString(), basedOn: null, user, cancellationToken);
        try
        {
            await host.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created a draft of this id at the same moment: theirs stays.
            host.ChangeTracker.Clear();
            throw new DraftRefusedException($"Er is al een route ‘{id}’; er is niets overschreven. Probeer het opnieuw.",
                [new DraftError("definitionId", "taken", $"Er is al een route ‘{id}’.")]);
        }

        return View(draft);
    }

    /// <summary>A route with nothing but a Start connected to an Einde.</summary>
    private static JsonObject EmptyRoute(string id, string name) => new()
    {
        ["definitionId"] = id,
        ["name"] = name,
        ["variables"] = new JsonArray(),
        ["inputs"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start", ["displayName"] = "Start", ["inputs"] = new JsonObject(), ["designer"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
                new JsonObject { ["id"] = "einde", ["type"] = "End", ["displayName"] = "Einde", ["inputs"] = new JsonObject(), ["designer"] = new JsonObject { ["x"] = 260, ["y"] = 0 } }),
            ["connections"] = new JsonArray(
                new JsonObject { ["source"] = new JsonObject { ["activity"] = "start", ["port"] = "Done" }, ["target"] = new JsonObject { ["activity"] = "einde", ["port"] = "In" } }),
        },
    };

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
