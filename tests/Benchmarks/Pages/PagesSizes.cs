namespace AdviesRoute.Benchmarks.Pages;

/// <summary>How much the page benchmark seeds and how often it asks each page.</summary>
/// <param name="SeedVersion">Names the seed's rules and sizes; raise it when either changes, so the cached database is made again.</param>
/// <param name="SeedDays">Days to simulate from the first working day of <paramref name="FirstYear"/>; null for every year.</param>
/// <param name="ProposalsPerWorkingDay">Proposals (besides the P&amp;C cycle's fixed ones) per working day: the whole part
/// always, the rest as a chance.</param>
/// <param name="UseCache">Keep the seeded database between runs (the full run); the smoke run always seeds afresh.</param>
internal sealed record PagesSizes(
    bool Smoke,
    string SeedVersion,
    int FirstYear,
    int Years,
    int? SeedDays,
    double ProposalsPerWorkingDay,
    bool UseCache,
    int Warmup,
    int Requests,
    TimeSpan MaxPerPage,
    int DeepPage)
{
    public static PagesSizes Full { get; } = new(
        Smoke: false,
        SeedVersion: "pages-1",
        FirstYear: 2027,
        Years: 5,
        SeedDays: null,
        ProposalsPerWorkingDay: 1.1,
        UseCache: true,
        Warmup: 5,
        Requests: 60,
        MaxPerPage: TimeSpan.FromSeconds(40),
        DeepPage: 30);

    public static PagesSizes SmokeSizes { get; } = new(
        Smoke: true,
        SeedVersion: "pages-1-smoke",
        FirstYear: 2027,
        Years: 1,
        SeedDays: 30,
        ProposalsPerWorkingDay: 0.8,
        UseCache: false,
        Warmup: 1,
        Requests: 5,
        MaxPerPage: TimeSpan.FromSeconds(5),
        DeepPage: 1);
}
