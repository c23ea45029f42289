using AdviesRoute.Activities.Governance.Voting;

namespace AdviesRoute.Host.Proposals.Modes;

/// <summary>The start form's fieldset "Vergadering of schriftelijk" (<c>Wijze.Bac</c>, <c>Wijze.Db</c>); a meeting unless chosen otherwise.</summary>
public sealed class ModeInput
{
    public string? Bac { get; set; } = WrittenRoundRule.Meeting;

    public string? Db { get; set; } = WrittenRoundRule.Meeting;

    public string? Of(ModeStep step) => step == ModeStep.Bac ? Bac : Db;

    /// <summary>The form's field name of a step's choice.</summary>
    public static string Field(ModeStep step) => $"Wijze.{step}";
}
