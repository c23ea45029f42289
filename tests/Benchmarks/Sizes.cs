namespace AdviesRoute.Benchmarks;

/// <summary>How much work each part does. Time-bounded parts stop at whichever limit comes first.</summary>
internal sealed record Sizes(
    bool Smoke,
    int BaselineMaxCommits,
    TimeSpan BaselineDuration,
    int Warmup,
    int MaxStarts,
    int MaxResumes,
    TimeSpan ThroughputDuration,
    int SequenceWarmup,
    int SequenceRuns,
    TimeSpan SequenceDuration,
    int MemoryInstances,
    int SpreadTimers,
    TimeSpan SpreadOver,
    int BurstTimers,
    int ListSmall,
    int ListLarge,
    int ListCalls)
{
    public static Sizes Full { get; } = new(
        Smoke: false,
        BaselineMaxCommits: 1_000_000,
        BaselineDuration: TimeSpan.FromSeconds(10),
        Warmup: 50,
        MaxStarts: 1_000_000,
        MaxResumes: 1_000_000,
        ThroughputDuration: TimeSpan.FromSeconds(10),
        SequenceWarmup: 5_000,
        SequenceRuns: 50_000,
        SequenceDuration: TimeSpan.FromSeconds(15),
        MemoryInstances: 100_000,
        SpreadTimers: 1_000,
        SpreadOver: TimeSpan.FromSeconds(10),
        BurstTimers: 10_000,
        ListSmall: 1_000,
        ListLarge: 100_000,
        ListCalls: 1_000);

    public static Sizes SmokeSizes { get; } = new(
        Smoke: true,
        BaselineMaxCommits: 200,
        BaselineDuration: TimeSpan.FromSeconds(5),
        Warmup: 5,
        MaxStarts: 100,
        MaxResumes: 100,
        ThroughputDuration: TimeSpan.FromSeconds(5),
        SequenceWarmup: 100,
        SequenceRuns: 1_000,
        SequenceDuration: TimeSpan.FromSeconds(5),
        MemoryInstances: 1_000,
        SpreadTimers: 50,
        SpreadOver: TimeSpan.FromSeconds(1),
        BurstTimers: 200,
        ListSmall: 200,
        ListLarge: 2_000,
        ListCalls: 50);
}
