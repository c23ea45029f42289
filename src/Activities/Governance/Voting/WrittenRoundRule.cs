using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Voting;

/// <summary>Whether a body may act in writing on a proposal, and why, in the Dutch a secretary reads.</summary>
public sealed record WrittenRoundVerdict(bool Allowed, string Reason);

/// <summary>
/// The one rule for schriftelijke besluitvorming: whether a body may advise or decide on a proposal of a kind in a
/// written round instead of a meeting. The start form, the start API, the change on the proposal page all ask it, so
/// none offers or takes what another would refuse.
/// <list type="bullet">
/// <item>The AB never: it decides in its meetings, which are public (art. 22 Wgr, which applies art. 23 Gemeentewet).</item>
/// <item>The begroting, a begrotingswijziging, the jaarrekening (and the jaarrapportage that carries it) and a change of
/// the regeling never: they pass the councils (art. 1, 34, 35 Wgr) and the AB adopts them in public; in writing they
/// would skip the board's deliberation that those procedures lead up to.</item>
/// <item>A BAC and the DB as their reglement van orde says (<see cref="Body.WrittenRounds"/>).</item>
/// </list>
/// </summary>
public static class WrittenRoundRule
{
    /// <summary>The mode codes of the voting steps' <c>wijze</c> and of the proposal input's <c>wijzeBac</c> / <c>wijzeDb</c>.</summary>
    public const string Meeting = "vergadering";

    public const string Written = "schriftelijk";

    /// <summary>The proposal kinds never decided in writing, with the law that sends them through a public meeting.</summary>
    public static IReadOnlyList<(string Kind, string Name, string Why)> NeverInWriting { get; } =
    [
        ("begroting", "een (ontwerp)begroting", "de raden geven er een zienswijze op en het algemeen bestuur stelt haar in een openbare vergadering vast (art. 35 Wgr)"),
        ("begrotingswijziging", "een begrotingswijziging", "zij volgt de procedure van de begroting (art. 35 Wgr)"),
        ("jaarrekening", "een jaarrekening", "het algemeen bestuur stelt haar in een openbare vergadering vast en zendt haar aan Gedeputeerde Staten (art. 34 Wgr)"),
        ("jaarrapportage", "een jaarrapportage", "zij draagt de jaarrekening, die het algemeen bestuur in een openbare vergadering vaststelt (art. 34 Wgr)"),
        ("wijzigingRegeling", "een wijziging van de regeling", "de raden geven er een zienswijze op en de colleges besluiten met toestemming van hun raad (art. 1 Wgr)"),
    ];

    /// <summary>Whether <paramref name="body"/> may act in writing on a proposal of <paramref name="kind"/>.</summary>
    public static WrittenRoundVerdict For(Body body, string? kind)
    {
        // Art. 22 Wgr: the AB's meetings are public, so it decides in a meeting; its reglement cannot change that.
        if (body.Kind == BodyKind.AlgemeenBestuur)
        {
            return new(false, $"Het {Lower(body.Name)} besluit in een vergadering: zijn vergaderingen zijn openbaar (art. 22 Wgr). Schriftelijk besluiten kan het niet.");
        }

        if (NeverInWriting.FirstOrDefault(k => k.Kind == kind) is { Kind: not null } never)
        {
            return new(false, $"Over {never.Name} wordt nooit schriftelijk besloten: {never.Why}.");
        }

        return body.WrittenRounds
            ? new(true, $"Het reglement van orde van {TheBody(body)} staat schriftelijk {Verb(body)} toe.")
            : new(false, $"Het reglement van orde van {TheBody(body)} staat schriftelijk {Verb(body)} niet toe; dat gebeurt in een vergadering.");
    }

    /// <summary>The BAC of a pillar (by its enum name, as the proposal input stores it); null when the model has none.</summary>
    public static Body? BacOf(GovernanceModel model, string? pillar) =>
        model.Bodies.FirstOrDefault(b => b.Kind == BodyKind.Bac && b.Pillar?.ToString() == pillar);

    /// <summary>The daily board; null when the model has none.</summary>
    public static Body? DailyBoard(GovernanceModel model) => model.Bodies.FirstOrDefault(b => b.Kind == BodyKind.DagelijksBestuur);

    /// <summary>The general board; null when the model has none.</summary>
    public static Body? GeneralBoard(GovernanceModel model) => model.Bodies.FirstOrDefault(b => b.Kind == BodyKind.AlgemeenBestuur);

    /// <summary>Whether a mode code is one of the two; a missing one reads as a meeting.</summary>
    public static bool IsKnownMode(string? mode) => mode is null or Meeting or Written;

    private static string Verb(Body body) => body.Kind == BodyKind.Bac ? "adviseren" : "besluiten";

    private static string TheBody(Body body) => body.Kind == BodyKind.Bac ? $"de {body.Name}" : $"het {Lower(body.Name)}";

    private static string Lower(string name) => name.Length > 0 && char.IsUpper(name[0]) && !name.StartsWith("BAC", StringComparison.Ordinal)
        ? char.ToLowerInvariant(name[0]) + name[1..]
        : name;
}
