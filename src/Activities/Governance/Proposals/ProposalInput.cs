using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdviesRoute.Activities.Governance.Proposals;

/// <summary>One numbered point of a proposal's draft decision ("Het algemeen bestuur besluit: 1. …").</summary>
public sealed record Beslispunt([property: JsonPropertyName("nummer")] int Number, [property: JsonPropertyName("tekst")] string Text);

/// <summary>The member who carries a proposal (portefeuillehouder).</summary>
public sealed record ProposalHolder([property: JsonPropertyName("lid")] string? Member, [property: JsonPropertyName("naam")] string? Name);

/// <summary>
/// The input a governance route starts with, typed: what the secretary gives when starting a proposal, under the keys
/// stored instances and the shipped routes' expressions (<c>input.soort</c>, <c>input.pijler</c>, …) have always used.
/// The host writes it with <see cref="ToJson"/>; steps, lists and pages read it with <see cref="Read"/>. An instance
/// started through the API may carry any JSON: a value of another type reads as not given.
/// </summary>
public sealed record ProposalInput
{
    /// <summary>What a proposal without a title is called wherever it is listed.</summary>
    public const string Untitled = "(zonder titel)";

    [JsonPropertyName("titel")]
    public string? Title { get; init; }

    [JsonPropertyName("pijler")]
    public string? Pillar { get; init; }

    [JsonPropertyName("soort")]
    public string? Kind { get; init; }

    [JsonPropertyName("samenvatting")]
    public string? Summary { get; init; }

    [JsonPropertyName("portefeuillehouder")]
    public ProposalHolder? Holder { get; init; }

    /// <summary>The meeting the secretary hopes to reach (its id).</summary>
    [JsonPropertyName("gewensteVergadering")]
    public string? DesiredMeeting { get; init; }

    /// <summary>With or without BACs (<c>metBacs</c>, <c>zonderBacs</c>).</summary>
    [JsonPropertyName("bestuursmodel")]
    public string? GovernanceModel { get; init; }

    /// <summary>Whether the colleges are consulted before the AB decides.</summary>
    [JsonPropertyName("terugkoppelingColleges")]
    public bool? CollegeReturn { get; init; }

    /// <summary>The draft decision as numbered points; changeable by the secretary until the DB has decided (journaled).</summary>
    [JsonPropertyName("beslispunten"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Beslispunt>? DecisionPoints { get; init; }

    /// <summary>The secretariat's reference (kenmerk or zaaknummer).</summary>
    [JsonPropertyName("kenmerk"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reference { get; init; }

    /// <summary>Who wrote the proposal (steller): a name, as the secretariat knows them.</summary>
    [JsonPropertyName("steller"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Author { get; init; }

    /// <summary><see cref="Openbaar"/> or <see cref="Besloten"/>; not given reads as openbaar.</summary>
    [JsonPropertyName("openbaarheid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Publicity { get; init; }

    /// <summary>A begrotingswijziging in a category the regeling exempts from zienswijzen.</summary>
    [JsonPropertyName("zienswijzenVrijgesteld"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ExemptFromZienswijzen { get; init; }

    /// <summary>How the BAC advises: <c>vergadering</c> or <c>schriftelijk</c> (the voting steps' <c>wijze</c>); not given is in a meeting.</summary>
    [JsonPropertyName("wijzeBac"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BacMode { get; init; }

    /// <summary>How the DB decides: <c>vergadering</c> or <c>schriftelijk</c>, where the body's reglement allows it; not given is in a meeting.</summary>
    [JsonPropertyName("wijzeDb"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DbMode { get; init; }

    /// <summary>The documents, as the host lists them (name, url, id, confidential, for one body only).</summary>
    [JsonPropertyName("documenten")]
    public JsonArray? Documents { get; init; }

    public const string Openbaar = "openbaar";
    public const string Besloten = "besloten";

    /// <summary>Whether the proposal is discussed in a closed session (besloten); its documents and decision stay out of public lists.</summary>
    [JsonIgnore]
    public bool IsClosed => Publicity == Besloten;

    /// <summary>The title, or <see cref="Untitled"/>.</summary>
    [JsonIgnore]
    public string TitleOrUntitled => Title ?? Untitled;

    /// <summary>The input as the instance stores it (every key, also an empty one, as the routes' expressions expect; the keys added with the
    /// beslispunten only when given, so inputs stored before read and compare the same).</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this)!.AsObject();

    /// <summary>A stored input read typed; text that is blank or of another type reads as not given.</summary>
    public static ProposalInput Read(JsonObject? input) => input is null ? new ProposalInput() : new ProposalInput
    {
        Title = Text(input["titel"]),
        Pillar = Text(input["pijler"]),
        Kind = Text(input["soort"]),
        Summary = Text(input["samenvatting"]),
        Holder = input["portefeuillehouder"] is JsonObject holder ? new ProposalHolder(Text(holder["lid"]), Text(holder["naam"])) : null,
        DesiredMeeting = Text(input["gewensteVergadering"]),
        GovernanceModel = Text(input["bestuursmodel"]),
        CollegeReturn = Flag(input["terugkoppelingColleges"]),
        DecisionPoints = ReadPoints(input["beslispunten"]),
        Reference = Text(input["kenmerk"]),
        Author = Text(input["steller"]),
        Publicity = Text(input["openbaarheid"]),
        ExemptFromZienswijzen = Flag(input["zienswijzenVrijgesteld"]),
        BacMode = Text(input["wijzeBac"]),
        DbMode = Text(input["wijzeDb"]),
        Documents = input["documenten"] as JsonArray,
    };

    /// <summary>Numbered points as stored; an entry without text is left out, one without a number takes its place in the list.</summary>
    public static IReadOnlyList<Beslispunt>? ReadPoints(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var points = new List<Beslispunt>();
        foreach (var item in array)
        {
            if (item is JsonObject point && Text(point["tekst"]) is { } text)
            {
                var number = point["nummer"] is JsonValue n && n.TryGetValue<int>(out var given) ? given : points.Count + 1;
                points.Add(new Beslispunt(number, text));
            }
        }

        return points;
    }

    private static bool? Flag(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
