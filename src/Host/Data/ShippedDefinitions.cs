namespace AdviesRoute.Host.Data;

/// <summary>Where the definitions imported at start-up come from.</summary>
public static class ShippedDefinitions
{
    public const string ConfigurationKey = "Workflows:DefinitionsPath";

    /// <summary>
    /// Without a configured folder the host imports the definitions shipped next to it (copied from the
    /// repository's <c>workflow-definitions/</c> by the build); a relative folder is taken from the working directory.
    /// </summary>
    public static void ResolveInConfiguration(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        configuration[ConfigurationKey] = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "workflow-definitions")
            : Path.GetFullPath(configured);
    }
}
