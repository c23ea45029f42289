using System.Text.RegularExpressions;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Tests.Architecture;

/// <summary>
/// The host and the governance layer read the engine only through its read API (<see cref="IWorkflowReader"/>) and
/// change it only through its commands: its tables and stored state are its own, so a change inside the engine cannot
/// break them.
/// </summary>
public sealed partial class EngineThroughItsApiTests
{
    private static readonly string[] Layers = ["src/Host", "src/Activities"];

    [Fact]
    public void The_engines_database_context_entities_and_instance_state_are_not_public()
    {
        var engine = typeof(IWorkflowReader).Assembly;
        string[] closed =
        [
            "AdviesRoute.Workflows.Persistence.WorkflowDbContext",
            "AdviesRoute.Workflows.Persistence.PostgresWorkflowDbContext",
            "AdviesRoute.Workflows.Persistence.WorkflowInstanceRecord",
            "AdviesRoute.Workflows.Persistence.JournalEntryRecord",
            "AdviesRoute.Workflows.Persistence.WorkflowDefinitionRecord",
            "AdviesRoute.Workflows.Persistence.OutboxMessageRecord",
            "AdviesRoute.Workflows.Persistence.TimerRecord",
            "AdviesRoute.Workflows.Persistence.IncidentRecord",
            "AdviesRoute.Workflows.Persistence.InstanceAttributeRecord",
            "AdviesRoute.Workflows.Runtime.InstanceState",
            "AdviesRoute.Workflows.Runtime.TokenState",
            "AdviesRoute.Workflows.Runtime.BookmarkState",
        ];

        var types = closed.Select(name => engine.GetType(name, throwOnError: true)!).ToList();

        types.Where(t => t.IsPublic).Select(t => t.FullName).Should().BeEmpty();
    }

    [Fact]
    public void The_host_and_the_governance_layer_name_no_engine_table_state_or_json_sql()
    {
        var findings = Layers
            .SelectMany(layer => Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), layer), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(RepositoryRoot(), file), Line: i + 1, Text: line)))
            .Where(l => EngineInternals().IsMatch(l.Text) || EngineTableSql().IsMatch(l.Text) || StateJsonSql().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        findings.Should().BeEmpty("the engine is read through IWorkflowReader; its tables and state JSON are its own");
    }

    [Fact]
    public void The_scan_recognises_what_it_looks_for()
    {
        // A scan that matches nothing would pass whatever the code did.
        EngineInternals().IsMatch("public ProposalReader(WorkflowDbContext db)").Should().BeTrue();
        EngineInternals().IsMatch("var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson);").Should().BeTrue();
        EngineTableSql().IsMatch("SELECT * FROM \"WorkflowInstances\" WHERE 1").Should().BeTrue();
        EngineTableSql().IsMatch("select Kind from Journal where InstanceId = @i").Should().BeTrue();
        StateJsonSql().IsMatch("json_extract(x, '$.input.titel')").Should().BeTrue();
        StateJsonSql().IsMatch("EF.Functions.Like(i.Data, pattern)").Should().BeFalse("only the JSON functions are looked for");
        EngineInternals().IsMatch("await reader.GetInstanceAsync(id)").Should().BeFalse();
        EngineTableSql().IsMatch("await outbox.EnqueueAsync(entry)").Should().BeFalse();
    }

    [GeneratedRegex(@"\b(WorkflowDbContext|InstanceState|StateJson|WorkflowInstanceRecord|JournalEntryRecord|WorkflowDefinitionRecord|OutboxMessageRecord|InstanceAttributeRecord|InstanceList)\b")]
    private static partial Regex EngineInternals();

    [GeneratedRegex(@"(?i)\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+""?(WorkflowInstances|WorkflowDefinitions|Journal|Timers|Incidents|Outbox|InstanceAttributes|EngineMetadata|__WorkflowMigrations)\b")]
    private static partial Regex EngineTableSql();

    [GeneratedRegex(@"(?i)\bjson_extract\s*\(|::jsonb|\bFromSql")]
    private static partial Regex StateJsonSql();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AdviesRoute.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AdviesRoute.sln above {AppContext.BaseDirectory}.");
    }
}
