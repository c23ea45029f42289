using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Proposals.Start;

namespace AdviesRoute.Host.Proposals.Modes;

/// <summary>The two steps whose way of acting the secretary chooses: the BAC's advice and the DB's decision.</summary>
public enum ModeStep
{
    Bac,
    Db,
}

/// <summary>
/// What the start form offers for one step: whether a written round is on offer at all (a body whose reglement allows it),
/// and for which proposal kinds and governance model the choice counts.
/// </summary>
/// <param name="Offered">False: the form says why in <paramref name="Hint"/> and offers no choice.</param>
public sealed record ModeOffer(ModeStep Step, string Legend, bool Offered, string Hint);

/// <summary>
/// Meeting or in writing, for the <c>voorstel</c> route's BAC advice (<c>wijzeBac</c>) and DB decision (<c>wijzeDb</c>):
/// the start form, the start API and the change on the proposal page ask <see cref="WrittenRoundRule"/> through here, so
/// they offer and refuse the same.
/// </summary>
public static class ProposalModes
{
    /// <summary>The input key of a step's mode (the contract of <see cref="ProposalInput"/>).</summary>
    public static string Key(ModeStep step) => step == ModeStep.Bac ? "wijzeBac" : "wijzeDb";

    /// <summary>An AB mode a caller might send: there is none to choose, and a written one is refused (art. 22 Wgr).</summary>
    public const string GeneralBoardKey = "wijzeAb";

    /// <summary>The kinds the <c>voorstel</c> route sends past a BAC (its switch "BAC-advies nodig?"), in the model with BACs.</summary>
    public static IReadOnlyList<string> KindsWithBacAdvice { get; } = ["beleidsvoorstel", "kaderbrief", "beleidsbrief"];

    /// <summary>Whether the <c>voorstel</c> route takes this proposal past a BAC: a kind with BAC advice, in the model with BACs.</summary>
    public static bool PassesBac(ProposalInput input) =>
        input.GovernanceModel != ProposalChoices.ZonderBacs && input.Kind is { } kind && KindsWithBacAdvice.Contains(kind);

    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
    [
        (WrittenRoundRule.Meeting, "In een vergadering"),
        (WrittenRoundRule.Written, "Schriftelijk: elk lid kiest via een persoonlijke link, zonder vergadering"),
    ];

    /// <summary>What the start form offers per step for the governance model as it stands.</summary>
    public static IReadOnlyList<ModeOffer> Offers(GovernanceModel model)
    {
        var bacs = model.Bodies.Where(b => b.Kind == BodyKind.Bac).ToList();
        var writtenBacs = bacs.Where(b => b.WrittenRounds).ToList();
        var never = DutchFormat.List(WrittenRoundRule.NeverInWriting.Where(k => ProposalChoices.IsOneOf(ProposalChoices.Soorten, k.Kind)).Select(k => ProposalLabels.Kind(k.Kind).ToLowerInvariant()).ToList());
        var bacKinds = DutchFormat.List(KindsWithBacAdvice.Select(k => ProposalLabels.Kind(k).ToLowerInvariant()).ToList());
        var bacHint = writtenBacs.Count == 0
            ? "Het reglement van orde van de BAC's staat schriftelijk adviseren niet toe: de BAC adviseert in een vergadering."
            : $"Geldt alleen voor een {bacKinds} in het model met BAC's; de andere soorten gaan niet langs de BAC."
              + (writtenBacs.Count < bacs.Count ? $" Schriftelijk kan alleen bij de {DutchFormat.List(writtenBacs.Select(b => b.Name).ToList())}: het reglement van de andere staat het niet toe." : "");
        var db = WrittenRoundRule.DailyBoard(model);
        var dbHint = db is not { WrittenRounds: true }
            ? "Het reglement van orde van het dagelijks bestuur staat schriftelijk besluiten niet toe: het DB besluit in een vergadering."
            : $"Geldt voor elke soort behalve {never}: daarover besluit het DB altijd in een vergadering.";
        return
        [
            new ModeOffer(ModeStep.Bac, "Advies van de BAC", writtenBacs.Count > 0, bacHint),
            new ModeOffer(ModeStep.Db, "Besluit van het dagelijks bestuur", db is { WrittenRounds: true }, dbHint),
        ];
    }

    /// <summary>What the form says of the AB, which offers no choice.</summary>
    public const string GeneralBoardNote = "Het algemeen bestuur besluit altijd in een vergadering: zijn vergaderingen zijn openbaar (art. 22 Wgr).";

    /// <summary>
    /// Why a step may not act in the given mode for this proposal, in Dutch; null when it may. A meeting is always allowed;
    /// an unknown mode is refused.
    /// </summary>
    public static string? Refusal(GovernanceModel model, ModeStep step, string? mode, string? kind, string? pillar, string? governanceModel)
    {
        var who = step == ModeStep.Bac ? "de BAC" : "het dagelijks bestuur";
        if (!WrittenRoundRule.IsKnownMode(mode))
        {
            return $"Kies voor {who} 'vergadering' of 'schriftelijk'; '{mode}' kent AdviesRoute niet.";
        }

        if (mode != WrittenRoundRule.Written)
        {
            return null;
        }

        var body = step == ModeStep.Bac ? WrittenRoundRule.BacOf(model, pillar) : WrittenRoundRule.DailyBoard(model);
        if (body is null)
        {
            return step == ModeStep.Bac
                ? "Er is voor deze pijler geen BAC in het bestuursmodel; schriftelijk BAC-advies kan niet."
                : "Er is geen dagelijks bestuur in het bestuursmodel; schriftelijk besluiten kan niet.";
        }

        var verdict = WrittenRoundRule.For(body, kind);
        if (!verdict.Allowed)
        {
            return verdict.Reason;
        }

        if (step == ModeStep.Bac && governanceModel == ProposalChoices.ZonderBacs)
        {
            return "In het model zonder BAC's adviseert geen BAC; kies voor het advies van de BAC 'in een vergadering' of kies het model met BAC's.";
        }

        if (step == ModeStep.Bac && kind is not null && !KindsWithBacAdvice.Contains(kind))
        {
            return $"Een {ProposalLabels.Kind(kind).ToLowerInvariant()} gaat niet langs de BAC; er is geen BAC-advies om schriftelijk te geven.";
        }

        return null;
    }

    /// <summary>
    /// Why a proposal's input as the API received it may not start, in Dutch; null when it may. Only the mode keys are
    /// judged: an input without them acts in meetings, as before.
    /// </summary>
    public static string? Refusal(GovernanceModel model, JsonObject? input)
    {
        if (input is null)
        {
            return null;
        }

        var proposal = ProposalInput.Read(input);
        foreach (var step in new[] { ModeStep.Bac, ModeStep.Db })
        {
            var node = input[Key(step)];
            if (node is not null && !(node is JsonValue v && v.TryGetValue<string>(out _)))
            {
                return $"'{Key(step)}' is 'vergadering' of 'schriftelijk'.";
            }

            var mode = step == ModeStep.Bac ? proposal.BacMode : proposal.DbMode;
            if (Refusal(model, step, mode, proposal.Kind, proposal.Pillar, proposal.GovernanceModel) is { } refusal)
            {
                return refusal;
            }
        }

        if (input[GeneralBoardKey] is JsonValue ab && ab.TryGetValue<string>(out var abMode) && abMode != WrittenRoundRule.Meeting)
        {
            return WrittenRoundRule.GeneralBoard(model) is { } board ? WrittenRoundRule.For(board, proposal.Kind).Reason : GeneralBoardNote;
        }

        return null;
    }
}
