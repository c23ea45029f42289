namespace AdviesRoute.Host.Designer;

/// <summary>
/// The process owner's work in progress on one definition: kept apart from the engine's versions, so a draft may be
/// invalid while it is edited and never reaches a running instance. Publishing turns it into a new engine version.
/// </summary>
public sealed class DefinitionDraft
{
    public string DefinitionId { get; set; } = "";

    /// <summary>The definition as the designer sent it (the JSON of <c>workflow-definitions/</c>).</summary>
    public string Json { get; set; } = "";

    /// <summary>The engine version the draft started from; null for a new definition.</summary>
    public int? BasedOnVersion { get; set; }

    /// <summary>Bumped by every save; a save based on an older revision is refused (two editors at once).</summary>
    public int Revision { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; set; }

    public string SavedBy { get; set; } = "";
}
