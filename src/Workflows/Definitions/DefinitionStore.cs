using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>The outcome of saving a definition.</summary>
/// <param name="Changed">False when the content equalled the latest version; nothing was stored.</param>
public sealed record DefinitionSaveResult(string DefinitionId, int Version, bool Changed, string RecordId);

/// <summary>
/// Stores definitions as versions. A save never overwrites a published version: changed content becomes a
/// new version; unchanged content changes nothing. A rejected definition stores nothing.
/// </summary>
public sealed class DefinitionStore
{
    private readonly WorkflowDbContext db;
    private readonly DefinitionValidator validator;
    private readonly ActivityRegistry registry;
    private readonly TimeProvider time;
    private readonly IServiceProvider services;

    // Internal: the store is made by AddWorkflows (the engine's tables are its own), and asked for from the container.
    internal DefinitionStore(WorkflowDbContext db, DefinitionValidator validator, ActivityRegistry registry, TimeProvider time, IServiceProvider services)
    {
        this.db = db;
        this.validator = validator;
        this.registry = registry;
        this.time = time;
        this.services = services;
    }

    /// <summary>Parses, validates and stores <paramref name="json"/>.</summary>
    /// <exception cref="DefinitionValidationException">The JSON is malformed or the definition invalid.</exception>
    public async Task<DefinitionSaveResult> SaveAsync(string json, bool publish, string? actor, string? source, CancellationToken cancellationToken = default)
    {
        var model = DefinitionParser.Parse(json);
        validator.EnsureValid(model);
        var hash = ContentHash(model);
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Definitions.Where(d => d.DefinitionId == model.DefinitionId && d.IsLatest).FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.ContentHash == hash && (latest.IsPublished || !publish))
            {
                return new DefinitionSaveResult(latest.DefinitionId, latest.Version, Changed: false, latest.Id);
            }

            var version = (await db.Definitions.Where(d => d.DefinitionId == model.DefinitionId).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0) + 1;
            foreach (var node in model.Root.Activities)
            {
                node.TypeVersion ??= registry.LatestVersion(node.Type);
            }

            model.Version = version;
            model.IsPublished = publish;
            model.IsLatest = true;
            var record = new WorkflowDefinitionRecord
            {
                Id = $"{model.DefinitionId}:v{version}",
                DefinitionId = model.DefinitionId,
                Version = version,
                IsPublished = publish,
                IsLatest = true,
                Name = model.Name,
                Description = model.Description,
                Json = JsonSerializer.Serialize(model, WorkflowJson.Indented),
                ContentHash = hash,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                CreatedBy = actor,
                Source = source,
            };
            if (latest is not null)
            {
                latest.IsLatest = false;
            }

            db.Definitions.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                services.GetService<DefinitionCache>()?.Forget(record.DefinitionId);
                return new DefinitionSaveResult(record.DefinitionId, version, Changed: true, record.Id);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another host stored a version at the same moment: look again.
                db.ChangeTracker.Clear();
                model.Version = null;
            }
        }
    }

    /// <summary>
    /// A hash of the definition's content, leaving out the fields the store assigns: version, published, latest and
    /// the activities' type versions (pinned at save). So a definition exported with its pins and imported again, or
    /// a file without pins, is the same content as the version it came from.
    /// </summary>
    public static string ContentHash(WorkflowDefinitionModel model)
    {
        var (version, published, latest) = (model.Version, model.IsPublished, model.IsLatest);
        var pins = model.Root.Activities.Select(a => a.TypeVersion).ToList();
        model.Version = null;
        model.IsPublished = null;
        model.IsLatest = null;
        foreach (var activity in model.Root.Activities)
        {
            activity.TypeVersion = null;
        }

        try
        {
            var canonical = JsonSerializer.Serialize(model, WorkflowJson.Options);
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
        finally
        {
            (model.Version, model.IsPublished, model.IsLatest) = (version, published, latest);
            for (var i = 0; i < pins.Count; i++)
            {
                model.Root.Activities[i].TypeVersion = pins[i];
            }
        }
    }
}
