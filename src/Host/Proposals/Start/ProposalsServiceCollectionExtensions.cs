using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Zienswijzen;

namespace AdviesRoute.Host.Proposals.Start;

/// <summary>Starting proposals and their documents: what the host adds and maps.</summary>
public static class ProposalsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the start of a proposal (<c>/Voorstellen/Nieuw</c>) and its document storage, with the options
    /// <c>Documents</c> (<see cref="DocumentOptions"/>) and <c>Proposals</c> (<see cref="ProposalOptions"/>), validated at start;
    /// and the writer of the documents a secretariat sends on (agenda, besluitenlijst, zienswijzennota), with the option
    /// <c>OfficialDocuments</c> (<see cref="OfficialDocumentOptions"/>).
    /// </summary>
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProposalOptions>().BindConfiguration(ProposalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OfficialDocumentOptions>().BindConfiguration(OfficialDocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IOfficialDocumentWriter, OfficialDocumentWriter>();
        services.AddScoped<StartProposal>();
        services.AddScoped<DecisionPoints.ChangeDecisionPoints>();
        services.AddScoped<AddProposalDocument>();
        services.AddScoped<AdviesRoute.Host.Proposals.Modes.ChangeProposalMode>();
        services.AddZienswijzen();
        return services;
    }

    /// <summary>Maps the document downloads: <c>/documenten/{id}</c> and <c>/verzoek/{token}/stukken/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder app) => app.MapProposalDocuments();
}
