using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Links;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Proposals.Zienswijzen;

/// <summary>A council's zienswijze as recorded, and the board's reaction once the DB adopted it and sent it.</summary>
public sealed record CouncilZienswijze(string Label, string? Text, DateTimeOffset? Received, string? By, string? Reaction);

/// <summary>
/// What a council sees on its own link: the zienswijze it submitted (kept in the round's variable), so it can check it
/// and change it while the round is open; after the DB adopted the reactions, the board's reaction to its own
/// zienswijze, and never another council's.
/// </summary>
public sealed class SubmittedZienswijze(IWorkflowReader workflows)
{
    /// <summary>Whether the link's request is a council's zienswijze.</summary>
    public static bool IsZienswijze(ResolvedLink link) =>
        link.Request?.MailKind == Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!.MailKind && Council(link) is not null;

    /// <summary>The council of the link: also when the round has closed and no request waits for it any more.</summary>
    private static string? Council(ResolvedLink link) => link.BodyId ?? (link.Link is { TargetKind: "orgaan" } l ? l.TargetId : null);

    public async Task<CouncilZienswijze?> ForAsync(ResolvedLink link, CancellationToken cancellationToken)
    {
        if (!IsZienswijze(link) || link.Link is not { } mailLink)
        {
            return null;
        }

        var council = Council(link)!;
        var instance = await workflows.GetInstanceAsync(mailLink.InstanceId, cancellationToken);
        var entry = instance?.Variables.Values.OfType<JsonObject>()
            .Select(round => round["raden"]?[council] as JsonObject)
            .FirstOrDefault(e => e is not null);
        var code = entry?["zienswijze"]?.GetValue<string>() ?? entry?["antwoord"]?.GetValue<string>();
        if (entry is null || code is null || entry["status"]?.GetValue<string>() == "verstreken")
        {
            return null;
        }

        var round = instance!.Variables.Values.OfType<JsonObject>().First(r => r["raden"]?[council] is not null);
        var adopted = round[ReactiesZienswijzen.AdoptedProperty] is not null;
        return new CouncilZienswijze(
            link.ChoiceLabel(code),
            entry["tekst"]?.GetValue<string>(),
            entry["ontvangen"] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var at) ? at : null,
            entry["door"]?.GetValue<string>(),
            adopted ? entry["reactie"]?.GetValue<string>() : null);
    }

    /// <summary>The texts to show in the form again, so a council changes its zienswijze rather than typing it anew.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> TextsAsync(ResolvedLink link, CancellationToken cancellationToken) =>
        await ForAsync(link, cancellationToken) is { Text: { } text } ? new Dictionary<string, string?> { ["tekst"] = text } : new Dictionary<string, string?>();
}
