using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdviesRoute.Activities.Governance.Proposals;

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

    /// <summary>The documents, as the host lists them (name, url, id, confidential, for one body only).</summary>
    [JsonPropertyName("documenten")]
    public JsonArray? Documents { get; init; }

    /// <summary>The title, or <see cref="Untitled"/>.</summary>
    [JsonIgnore]
    public string TitleOrUntitled => Title ?? Untitled;

    /// <summary>The input as the instance stores it (every key, also an empty one, as the routes' expressions expect).</summary>
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
        CollegeReturn = input["terugkoppelingColleges"] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null,
        Documents = input["documenten"] as JsonArray,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
