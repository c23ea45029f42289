using System.Text.Json;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Definitions;

[Collection(Runtime.EngineCollection.Name)]
public sealed class DefinitionImportTests : IAsyncLifetime
{
    private const string Simple = """
    {
      "definitionId": "eenvoudig",
      "name": "Eenvoudig",
      "root": {
        "activities": [
          { "id": "start", "type": "Start", "designer": { "x": 0, "y": 0 } },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" }, "designer": { "x": 200, "y": 0 } },
          { "id": "einde", "type": "End", "designer": { "x": 400, "y": 0 } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    private EngineHost _engine = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHost.StartAsync();
        _folder = Directory.CreateDirectory(Path.Combine(_engine.Folder, "workflow-definitions")).FullName;
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<IReadOnlyList<DefinitionSaveResult>> ImportAsync()
    {
        await using var scope = _engine.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DefinitionImporter>().ImportFolderAsync(_folder, CancellationToken.None);
    }

    private Task<List<WorkflowDefinitionRecord>> VersionsAsync(string id) =>
        _engine.WithDbAsync(db => db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id).OrderBy(d => d.Version).ToListAsync());

    [Fact]
    public async Task Importing_an_unchanged_file_again_changes_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "eenvoudig.json"), Simple);

        var first = await ImportAsync();
        var second = await ImportAsync();

        first.Should().ContainSingle(r => r.Changed && r.Version == 1);
        second.Should().ContainSingle(r => !r.Changed && r.Version == 1);
        var versions = await VersionsAsync("eenvoudig");
        versions.Should().ContainSingle();
        versions[0].IsPublished.Should().BeTrue();
        versions[0].IsLatest.Should().BeTrue();
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_version_and_the_published_one_stays_as_it_was()
    {
        var path = Path.Combine(_folder, "eenvoudig.json");
        await File.WriteAllTextAsync(path, Simple);
        await ImportAsync();
        var original = (await VersionsAsync("eenvoudig")).Single();

        await File.WriteAllTextAsync(path, Simple.Replace("\"name\": \"Eenvoudig\"", "\"name\": \"Eenvoudig, herzien\""));
        var result = await ImportAsync();

        result.Should().ContainSingle(r => r.Changed && r.Version == 2);
        var versions = await VersionsAsync("eenvoudig");
        versions.Should().HaveCount(2);
        versions[0].Json.Should().Be(original.Json, "a published version is never overwritten");
        versions[0].IsLatest.Should().BeFalse();
        versions[1].IsLatest.Should().BeTrue();
        versions[1].Name.Should().Be("Eenvoudig, herzien");
    }

    [Fact]
    public async Task A_running_instance_stays_on_the_version_it_started_on()
    {
        var path = Path.Combine(_folder, "eenvoudig.json");
        await File.WriteAllTextAsync(path, Simple);
        await ImportAsync();
        var started = await _engine.Runtime.StartAsync("eenvoudig", null, new Trigger("test", Channel.Api));

        await File.WriteAllTextAsync(path, Simple.Replace("\"signal\": \"verder\"", "\"signal\": \"door\""));
        await ImportAsync();
        var later = await _engine.Runtime.StartAsync("eenvoudig", null, new Trigger("test", Channel.Api));

        started.Bookmarks.Single().Name.Should().Be("verder");
        later.Bookmarks.Single().Name.Should().Be("door");
        (await _engine.InstanceAsync(started.InstanceId)).DefinitionVersion.Should().Be(1);
        var resumed = await _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, null, new Trigger("test", Channel.Api));
        resumed.Status.Should().Be(WorkflowStatus.Finished);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_its_reasons_and_stores_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "kapot.json"), Simple.Replace("\"type\": \"WaitForSignal\"", "\"type\": \"BestaatNiet\""));
        await File.WriteAllTextAsync(Path.Combine(_folder, "onleesbaar.json"), "{ \"definitionId\": ");

        var results = await ImportAsync();
        await using var scope = _engine.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var save = () => store.SaveAsync(Simple.Replace("\"type\": \"WaitForSignal\"", "\"type\": \"BestaatNiet\""), publish: true, actor: "test", source: null);

        results.Should().BeEmpty();
        (await VersionsAsync("eenvoudig")).Should().BeEmpty();
        var error = (await save.Should().ThrowAsync<DefinitionValidationException>()).Which.Errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.root.activities[1].type");
        error.Code.Should().Be(ValidationCodes.UnknownActivityType);
    }

    [Fact]
    public async Task Saving_pins_each_activity_to_the_current_type_version()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "eenvoudig.json"), Simple);
        await ImportAsync();

        var stored = JsonSerializer.Deserialize<WorkflowDefinitionModel>((await VersionsAsync("eenvoudig")).Single().Json, WorkflowJson.Options)!;

        stored.Root.Activities.Should().OnlyContain(a => a.TypeVersion == 1);
        stored.Version.Should().Be(1);
        stored.Root.Activities[1].Designer!.X.Should().Be(200);
    }
}
