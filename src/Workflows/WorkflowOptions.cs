using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Workflows;

/// <summary>Settings of the engine, bound from the configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The database: <c>Sqlite</c> (an embedded file, the default) or <c>PostgreSql</c> (shared by several hosts).</summary>
    public Persistence.DatabaseProvider Provider { get; set; } = Persistence.DatabaseProvider.Sqlite;

    /// <summary>
    /// The configured provider, read before the options exist: the services registered (which EF Core provider, which
    /// Hangfire storage) depend on it.
    /// </summary>
    public static Persistence.DatabaseProvider ProviderIn(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<Persistence.DatabaseProvider?>(configuration.GetSection(Section), nameof(Provider))
            ?? Persistence.DatabaseProvider.Sqlite;

    /// <summary>The connection string of <see cref="Provider"/>; required, the engine assumes no database of its own.</summary>
    [Required(ErrorMessage = "Workflows:ConnectionString ontbreekt: geef de verbinding met de database van de workflow-engine.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Folder whose <c>*.json</c> files are imported at start-up; empty to import nothing.</summary>
    public string? DefinitionsPath { get; set; }

    /// <summary>How many concurrent bursts may share one commit.</summary>
    [Range(1, 10_000)]
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>
    /// PostgreSQL: how many group commits of this host may be under way at once, each on a connection of its own (one
    /// batch is written while the next is sent). SQLite has one writer per file and ignores it.
    /// </summary>
    [Range(1, 16)]
    public int PostgresWriterConnections { get; set; } = 2;

    /// <summary>Steps one burst may take before it is stopped as an incident (guards loops that never wait).</summary>
    [Range(10, 10_000_000)]
    public int MaxStepsPerBurst { get; set; } = 10_000;

    /// <summary>How often the timer sweep looks for due timers (real time), in milliseconds.</summary>
    [Range(10, 60_000)]
    public int TimerPollMilliseconds { get; set; } = 250;

    /// <summary>Times a burst is run again after another writer changed the instance first.</summary>
    [Range(1, 1000)]
    public int MaxConcurrencyRetries { get; set; } = 50;

    /// <summary>Whether the start-up tasks (migrations, import, timer and outbox reconciliation) run.</summary>
    public bool RunStartupTasks { get; set; } = true;
}
