using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Proposals.Start;

/// <summary>Configuration section <c>Proposals</c>: defaults of the start form.</summary>
public sealed class ProposalOptions
{
    public const string Section = "Proposals";

    /// <summary>The governance model the form proposes: <c>metBacs</c> (until the switch) or <c>zonderBacs</c>.</summary>
    [Required]
    [AllowedValues(ProposalChoices.MetBacs, ProposalChoices.ZonderBacs, ErrorMessage = "Proposals:Bestuursmodel is 'metBacs' of 'zonderBacs'.")]
    public string Bestuursmodel { get; set; } = ProposalChoices.MetBacs;
}
