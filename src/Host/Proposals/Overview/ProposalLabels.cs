namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>The Dutch words the pages show for the stored values.</summary>
public static class ProposalLabels
{
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>
    {
        ["beleidsvoorstel"] = "Beleidsvoorstel",
        ["begroting"] = "Begroting",
        ["begrotingswijziging"] = "Begrotingswijziging",
        ["jaarrekening"] = "Jaarrekening",
        ["jaarrapportage"] = "Jaarrapportage",
        ["viermaandsrapportage"] = "4-maandsrapportage",
        ["achtmaandsrapportage"] = "8-maandsrapportage",
        ["kaderbrief"] = "Kaderbrief",
        ["beleidsbrief"] = "Beleidsbrief",
    };

    public static IReadOnlyDictionary<string, string> Pillars { get; } = new Dictionary<string, string>
    {
        ["PubliekeGezondheid"] = "Publieke Gezondheid",
        ["ZorgEnVeiligheid"] = "Zorg en Veiligheid",
    };

    public static IReadOnlyDictionary<string, string> Statuses { get; } = new Dictionary<string, string>
    {
        ["Suspended"] = "Loopt",
        ["Finished"] = "Afgerond",
        ["Faulted"] = "Storing",
        ["Cancelled"] = "Afgebroken",
    };

    public static string Kind(string? kind) => kind is null ? "" : Kinds.GetValueOrDefault(kind, kind);

    public static string Pillar(string? pillar) => pillar is null ? "" : Pillars.GetValueOrDefault(pillar, pillar);

    public static string Status(string status) => Statuses.GetValueOrDefault(status, status);
}
