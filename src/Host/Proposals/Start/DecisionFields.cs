using System.ComponentModel.DataAnnotations;
using AdviesRoute.Activities.Governance.Proposals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AdviesRoute.Host.Proposals.Start;

/// <summary>
/// The start form's fieldset "Besluit en gegevens": the beslispunten (one per line in one text box, so the form works
/// without JavaScript and a secretary can paste the points from the voorstel; see docs/decisions/0027-beslispunten.md), kenmerk or zaaknummer, steller,
/// openbaar or besloten, and whether a begrotingswijziging is exempt from zienswijzen. Bound under the prefix
/// <see cref="Prefix"/>, checked by <see cref="DecisionPointRules"/> like the API.
/// </summary>
public sealed class DecisionFields
{
    public const string Prefix = "Besluit";

    [Display(Name = "Beslispunten")]
    public string? Beslispunten { get; set; }

    [Display(Name = "Kenmerk of zaaknummer (optioneel)")]
    public string? Kenmerk { get; set; }

    [Display(Name = "Steller (optioneel)")]
    public string? Steller { get; set; }

    public string? Openbaarheid { get; set; } = ProposalInput.Openbaar;

    [Display(Name = "Zienswijzen vrijgesteld: alleen bij een begrotingswijziging die de regeling vrijstelt van zienswijzen van de raden")]
    public bool ZienswijzenVrijgesteld { get; set; }

    /// <summary>The choices of the radio group, with what each means.</summary>
    public static IReadOnlyList<(string Value, string Label)> Publicities { get; } =
    [
        (ProposalInput.Openbaar, "Openbaar"),
        (ProposalInput.Besloten, "Besloten: de stukken en het besluit blijven buiten openbare lijsten"),
    ];

    /// <summary>The points as typed, numbered.</summary>
    public IReadOnlyList<Beslispunt> Points => DecisionPointRules.FromLines(Beslispunten);

    /// <summary>The form's keys in order, each with the element a refusal links to.</summary>
    public static IReadOnlyList<(string Key, string ElementId)> Fields { get; } =
    [
        ($"{Prefix}.{nameof(Beslispunten)}", $"{Prefix}_{nameof(Beslispunten)}"),
        ($"{Prefix}.{nameof(Kenmerk)}", $"{Prefix}_{nameof(Kenmerk)}"),
        ($"{Prefix}.{nameof(Steller)}", $"{Prefix}_{nameof(Steller)}"),
        ($"{Prefix}.{nameof(Openbaarheid)}", $"{Prefix}_{nameof(Openbaarheid)}_{ProposalInput.Openbaar}"),
        ($"{Prefix}.{nameof(ZienswijzenVrijgesteld)}", $"{Prefix}_{nameof(ZienswijzenVrijgesteld)}"),
    ];

    /// <summary>Puts a Dutch refusal beside each field that cannot be stored; <paramref name="kind"/> is the chosen soort.</summary>
    public void Check(ModelStateDictionary modelState, string? kind)
    {
        foreach (var reason in DecisionPointRules.Check(Points))
        {
            modelState.AddModelError($"{Prefix}.{nameof(Beslispunten)}", reason);
        }

        if (Kenmerk?.Trim().Length > DecisionPointRules.MaxReferenceLength)
        {
            modelState.AddModelError($"{Prefix}.{nameof(Kenmerk)}", $"Het kenmerk is te lang: ten hoogste {DecisionPointRules.MaxReferenceLength} tekens.");
        }

        if (Steller?.Trim().Length > DecisionPointRules.MaxAuthorLength)
        {
            modelState.AddModelError($"{Prefix}.{nameof(Steller)}", $"De naam van de steller is te lang: ten hoogste {DecisionPointRules.MaxAuthorLength} tekens.");
        }

        if (Openbaarheid is not (ProposalInput.Openbaar or ProposalInput.Besloten))
        {
            modelState.AddModelError($"{Prefix}.{nameof(Openbaarheid)}", "Kies of het voorstel openbaar of besloten is.");
        }

        if (ZienswijzenVrijgesteld && DecisionPointRules.ExemptionRefusal(kind) is { } refusal)
        {
            modelState.AddModelError($"{Prefix}.{nameof(ZienswijzenVrijgesteld)}", refusal);
        }
    }

    /// <summary>The proposal with these fields.</summary>
    public NewProposal ApplyTo(NewProposal proposal) => proposal with
    {
        DecisionPoints = Points,
        Reference = Blank(Kenmerk),
        Author = Blank(Steller),
        Publicity = Openbaarheid,
        ExemptFromZienswijzen = ZienswijzenVrijgesteld ? true : null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
