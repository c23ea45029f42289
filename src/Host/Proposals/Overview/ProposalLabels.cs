using System.Text.Json.Nodes;

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

    /// <summary>
    /// A journal line's heading in words, told apart by its data where one engine kind carries several acts: an input
    /// amendment that only records a withdrawn personal link is headed as such, not as an amended proposal.
    /// </summary>
    public static string JournalKind(string kind, JsonObject? data) =>
        kind == "InputAmended" && data?.ContainsKey("linkIngetrokken") == true
            ? "Persoonlijke link ingetrokken"
            : JournalKind(kind);

    /// <summary>A journal line in words.</summary>
    public static string JournalKind(string kind) => kind switch
    {
        "InstanceStarted" => "Gestart",
        "InstanceFinished" => "Afgerond",
        "InstanceCancelled" => "Afgebroken",
        "ActivityStarted" => "Stap begonnen",
        "ActivityCompleted" => "Stap afgerond",
        "BookmarkResumed" => "Invoer ontvangen",
        "IncidentCreated" => "Storing",
        "IncidentRetried" => "Opnieuw geprobeerd",
        "geagendeerd" => "Geagendeerd",
        "vergaderingOvergeslagen" => "Vergadering overgeslagen",
        "stem" => "Stem",
        "uitslag" => "Uitslag",
        "antwoord" => "Antwoord",
        "reactieOpZienswijze" => "Reactie op zienswijze",
        "termijnVerstreken" => "Termijn verstreken",
        "termijnOverschreden" => "Wettelijke termijn overschreden",
        "herinnering" => "Herinnering verstuurd",
        "melding" => "Melding verstuurd",
        "vergaderingUitkomst" => "Uitkomst vergadering",
        "nietBehandeld" => "Niet behandeld, doorgeschoven",
        "verplaatst" => "Verplaatst naar een andere vergadering",
        "naarVergadering" => "Naar de vergadering",
        "inVergadering" => "Op de agenda",
        "InputAmended" => "Voorstel aangevuld",
        "schriftelijkeRonde" => "Schriftelijke ronde gestart",
        "rondeGestart" => "Ronde gestart",
        "voorbereiding" => "Voorbereiding",
        "nazorg" => "Nazorgtaak",
        _ => kind,
    };

    /// <summary>
    /// What a journal line adds in words, for the timeline: the document added, the meeting moved to and why, the legal
    /// last day of a notification and whether it was missed.
    /// </summary>
    public static string JournalDetail(string kind, JsonObject? data)
    {
        if (data is null || kind is not ("InputAmended" or "verplaatst" or "nietBehandeld" or "melding" or "termijnOverschreden"))
        {
            return "";
        }

        return kind switch
        {
            "InputAmended" when data["linkIngetrokken"]?.GetValue<string>() is { } member =>
                $" – van {member}; een nieuwe link is gestuurd. Reden: {data["reden"]}",
            "InputAmended" when data["stuk"]?.GetValue<string>() is { } document =>
                $" – stuk toegevoegd: {document}{(data["vertrouwelijk"]?.GetValue<bool>() == true ? " (vertrouwelijk)" : "")}",
            "verplaatst" => $" – naar de vergadering van {Day(data["datum"])}: {data["toelichting"]}",
            "nietBehandeld" => $" – {data["reden"]}",
            "melding" when data["termijn"]?.GetValue<string>() is { } deadline => $" – {data["onderwerp"]} ({deadline})",
            "termijnOverschreden" => $" – {data["onderwerp"]}, te laat: {data["termijn"]}",
            _ => "",
        };
    }

    private static string Day(JsonNode? value) =>
        value?.GetValue<string>() is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? ProposalReader.FormatDay(day)
            : "onbekende datum";
}
