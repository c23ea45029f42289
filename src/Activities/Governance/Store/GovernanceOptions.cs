namespace AdviesRoute.Activities.Governance.Store;

/// <summary>Settings of the stored governance data, bound from the configuration section <c>Governance</c>.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>
    /// Whether the first start stores the demo governance (SamenDrenthe, fictional people) and the demo jaarkalender
    /// when nothing is stored yet. Switch it off for a real installation that loads its own data through the API.
    /// </summary>
    public bool SeedDemo { get; set; } = true;
}
