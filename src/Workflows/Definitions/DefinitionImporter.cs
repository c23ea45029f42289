using Microsoft.Extensions.Logging;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>Imports the <c>*.json</c> files of a folder at start-up, idempotently.</summary>
public sealed class DefinitionImporter(DefinitionStore store, ILogger<DefinitionImporter> logger)
{
    public async Task<IReadOnlyList<DefinitionSaveResult>> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var results = new List<DefinitionSaveResult>();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Definitions folder {Folder} does not exist; nothing imported.", folder);
            return results;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var result = await store.SaveAsync(await File.ReadAllTextAsync(file, cancellationToken), publish: true, actor: "import", source: Path.GetFileName(file), cancellationToken);
                results.Add(result);
                if (result.Changed)
                {
                    logger.LogInformation("Imported {File} as {DefinitionId} version {Version}.", Path.GetFileName(file), result.DefinitionId, result.Version);
                }
            }
            catch (DefinitionValidationException ex)
            {
                logger.LogError("Definition file {File} was rejected and nothing of it stored: {Errors}", Path.GetFileName(file),
                    string.Join("; ", ex.Errors.Select(e => $"{e.Path} ({e.Code}): {e.Message}")));
            }
        }

        return results;
    }
}
