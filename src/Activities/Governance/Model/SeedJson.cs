using System.Text.Json;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Model;

/// <summary>What the governance and jaarkalender seeds share: reading an embedded file and refusing malformed JSON.</summary>
internal static class SeedJson
{
    public static string Resource(string name)
    {
        using var stream = typeof(SeedJson).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <exception cref="GovernanceSeedException">The JSON is malformed or of the wrong shape; the error names its path, line and position.</exception>
    public static T? Deserialize<T>(string json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException ex)
        {
            throw new GovernanceSeedException([new ValidationError(ex.Path ?? "$", ValidationCodes.MalformedJson,
                $"Ongeldige JSON op regel {(ex.LineNumber ?? 0) + 1}, positie {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}")
            {
                Line = (int?)ex.LineNumber + 1,
                Position = (int?)ex.BytePositionInLine + 1,
            }]);
        }
    }
}
