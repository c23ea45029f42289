using System.Text.RegularExpressions;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows.Tests.Architecture;

/// <summary>
/// The engine is a library for any application: it knows no web framework, no governance word and no database of
/// the product that uses it. The application passes in what it needs.
/// </summary>
public sealed partial class EngineBoundaryTests
{
    private static readonly string EngineFolder = Path.Combine(RepositoryRoot(), "src", "Workflows");

    [Fact]
    public void The_engine_assembly_references_no_asp_net_core_assembly()
    {
        var referenced = typeof(IWorkflowRuntime).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        referenced.Should().Contain("Microsoft.Extensions.Hosting.Abstractions", "the check sees the engine's references");
        referenced.Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)).Should().BeEmpty();
    }

    [Fact]
    public void The_engine_project_asks_for_no_asp_net_core_framework_or_package()
    {
        // A framework reference that no code uses leaves no trace in the assembly's references; the project file has it.
        var project = File.ReadAllText(Path.Combine(EngineFolder, "Workflows.csproj"));

        project.Should().NotContainEquivalentOf("AspNetCore");
    }

    [Fact]
    public void The_engine_source_names_no_governance_term_and_no_product_default()
    {
        var findings = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(EngineFolder, file), Line: i + 1, Text: line)))
            .Where(l => GovernanceTerm().IsMatch(l.Text) || GovernanceAbbreviation().IsMatch(l.Text) || ProductDefault().IsMatch(l.Text) || NamesTheProduct(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        findings.Should().BeEmpty("the engine's messages and docs speak of instances, steps and bookmarks; the application brings its own words and settings");
    }

    [Fact]
    public async Task Starting_without_an_engine_connection_string_fails_with_a_message_naming_the_setting_even_when_a_named_one_exists()
    {
        var start = () => EngineHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Workflows:ConnectionString"] = null,
            ["ConnectionStrings:AdviesRoute"] = "Data Source=elders.db",
            ["ConnectionStrings:Default"] = "Data Source=elders.db",
        });

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Workflows:ConnectionString ontbreekt");
    }

    /// <summary>Dutch and English words of the governance domain (whole words, with their inflections).</summary>
    [GeneratedRegex(@"(?i)\b(voorstel\w*|zienswijze\w*|orgaan|organen|vergader\w*|\w*raad|raden|college\w*|\w*bestuur\w*|stemming\w*|stemmen|secretari\w*|jaarkalender\w*|gemeente\w*|portefeuille\w*|proposals?|councils?|boards?|meetings?|votes?|voting|municipalit\w*)\b")]
    private static partial Regex GovernanceTerm();

    /// <summary>The bodies' abbreviations, in capitals as the product writes them.</summary>
    [GeneratedRegex(@"\b(BAC|DB|AB)\b")]
    private static partial Regex GovernanceAbbreviation();

    /// <summary>A database or connection-string name of the application, looked up by the engine.</summary>
    [GeneratedRegex(@"(?i)GetConnectionString|ConnectionStrings\s*:|Data Source=data/")]
    private static partial Regex ProductDefault();

    /// <summary>
    /// The product's name anywhere but in the engine's own namespace (a Message-Id domain included: the host makes those).
    /// </summary>
    private static bool NamesTheProduct(string line) =>
        ProductName().Matches(line).Any(m => !line.AsSpan(m.Index).StartsWith("AdviesRoute.Workflows", StringComparison.Ordinal));

    [GeneratedRegex("(?i)adviesroute")]
    private static partial Regex ProductName();

    private static IEnumerable<string> SourceFiles()
    {
        var files = Directory.EnumerateFiles(EngineFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(EngineFolder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();
        files.Should().Contain(f => f.EndsWith("WorkflowRuntime.cs", StringComparison.Ordinal), "the scan reads the engine's sources");
        return files;
    }

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
