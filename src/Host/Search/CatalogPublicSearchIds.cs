using AdviesRoute.Host.Portal.Publishing;

namespace AdviesRoute.Host.Search;

/// <summary>What is public, as the portal's catalog says (<see cref="IPublicCatalog.PublicIdsAsync"/>).</summary>
internal sealed class CatalogPublicSearchIds(IPublicCatalog catalog) : IPublicSearchIds
{
    public async Task<(IReadOnlySet<string> Proposals, IReadOnlySet<string> Documents)> PublicIdsAsync(CancellationToken cancellationToken)
    {
        var ids = await catalog.PublicIdsAsync(cancellationToken);
        return (ids.ProposalIds, ids.DocumentIds);
    }
}
