using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Host.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds the full-text search: the index and its background reader, the search for the configured database, and the
    /// public search's rate limit (<see cref="PublicSearchRateLimit.Policy"/>).
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchIndexSignal>();
        services.AddScoped<SearchIndex>();
        services.AddHostedService<SearchIndexWorker>();
        services.AddScoped<IPublicSearchIds, CatalogPublicSearchIds>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddScoped<IProposalSearch, PostgresProposalSearch>();
        }
        else
        {
            services.AddScoped<IProposalSearch, SqliteProposalSearch>();
        }

        services.AddSingleton<PublicSearchRateLimit>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, PublicSearchRateLimit>(PublicSearchRateLimit.Policy));
        return services;
    }
}
