using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Queries;

[Collection(EngineCollection.Name)]
public sealed class WorkflowReaderTests
{
    public const string AskRoute = """
    {
      "definitionId": "vraag",
      "name": "Vraag en signaal",
      "description": "Vraagt iets en wacht daarna op een signaal.",
      "variables": [ { "name": "teller", "default": 3 } ],
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "vraag", "type": "Test.Ask", "inputs": { "aan": "db" } },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "vraag", "port": "In" } },
          { "source": { "activity": "vraag", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>Waits on the signal <c>verder</c>, then ends.</summary>
    public const string WaitRoute = """
    {
      "definitionId": "lijst",
      "name": "Wachten",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>Its second step throws while the variable <c>fail</c> is true.</summary>
    private const string FlakyRoute = """
    {
      "definitionId": "wankel",
      "name": "Wankele stap",
      "variables": [ { "name": "fail", "default": true } ],
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "extern", "type": "Test.Flaky" },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "extern", "port": "In" } },
          { "source": { "activity": "extern", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    private static readonly Trigger Test = new("test", Channel.Api);

    [Fact]
    public async Task An_instance_reads_as_it_stands_with_its_waits_payloads_activity_state_and_times()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(AskRoute);
        var startedAt = engine.Clock.GetUtcNow();
        var started = await engine.Runtime.StartAsync("vraag", EngineHost.Json("""{ "titel": "Begroting 2027", "labels": ["a"] }"""), Test);

        var view = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;

        view.Id.Should().Be(started.InstanceId);
        view.DefinitionId.Should().Be("vraag");
        view.DefinitionVersion.Should().Be(1);
        view.DefinitionVersionId.Should().Be("vraag:v1");
        view.Status.Should().Be(WorkflowStatus.Suspended);
        view.CreatedAt.Should().Be(startedAt);
        view.UpdatedAt.Should().Be(startedAt);
        view.FinishedAt.Should().BeNull();
        view.Input.ToJsonString().Should().Be("""{"titel":"Begroting 2027","labels":["a"]}""");
        view.Variables.Keys.Should().Equal("teller");
        view.Variables["teller"]!.GetValue<int>().Should().Be(3);
        view.Tokens.Should().ContainSingle().Which.Should().Match<TokenView>(t => t.ActivityId == "vraag" && !t.Faulted && t.Bookmarks.Count == 2);
        var waiting = view.Waiting().ToList();
        waiting.Select(w => w.Token.ActivityId).Should().Equal("vraag", "vraag");
        var request = waiting.Single(w => w.Bookmark.Name == "Vraag").Bookmark;
        request.Payload!.ToJsonString().Should().Be("""{"aan":"db"}""");
        request.DueAt.Should().BeNull();
        request.CreatedAt.Should().Be(startedAt);
        var deadline = waiting.Single(w => w.Bookmark.Name == "Termijn").Bookmark;
        deadline.DueAt.Should().Be(startedAt.AddDays(1));
        deadline.Payload!.ToJsonString().Should().Be("""{"uiterlijk":"morgen"}""");
        view.FindBookmark(request.Id)!.Value.Token.ActivityId.Should().Be("vraag");
        view.FindBookmark("onbekend").Should().BeNull();
        view.ActivityStates.Keys.Should().Equal("vraag");
        view.ActivityState("vraag")!.ToJsonString().Should().Be("""{"gevraagd":"db"}""");
        view.Incidents.Should().BeEmpty();
        view.EndActivityId.Should().BeNull();
        view.Result.Should().BeNull();
        view.Attributes.Should().BeEmpty("no attribute source is registered");
        view.ToSummary().Should().Be(new InstanceSummary(started.InstanceId, "vraag", 1, "vraag:v1", WorkflowStatus.Suspended, startedAt, startedAt, null));

        // A view is the caller's own: changing it changes nothing stored.
        view.Input["titel"] = "veranderd";
        (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!.Input["titel"]!.GetValue<string>().Should().Be("Begroting 2027");

        engine.Clock.Advance(TimeSpan.FromHours(1));
        await engine.Runtime.ResumeAsync(started.InstanceId, request.Id, EngineHost.Json("""{ "keuze": "ja" }"""), Test);
        var answered = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;
        answered.UpdatedAt.Should().Be(startedAt.AddHours(1));
        answered.ActivityState("vraag")!.ToJsonString().Should().Be("""{"gevraagd":"db","antwoord":"ja"}""");
        answered.Waiting().Should().ContainSingle().Which.Should().Match<(TokenView Token, BookmarkView Bookmark)>(w => w.Token.ActivityId == "wacht" && w.Bookmark.Name == "verder");

        var signal = answered.Waiting().Single().Bookmark.Id;
        await engine.Runtime.ResumeAsync(started.InstanceId, signal, null, Test);
        var finished = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;
        finished.Status.Should().Be(WorkflowStatus.Finished);
        finished.FinishedAt.Should().Be(startedAt.AddHours(1));
        finished.Tokens.Should().BeEmpty();
        finished.EndActivityId.Should().Be("einde");
    }

    [Fact]
    public async Task Reading_an_unknown_instance_gives_nothing_and_several_come_in_the_order_asked()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(WaitRoute);
        var first = await engine.Runtime.StartAsync("lijst", null, Test);
        var second = await engine.Runtime.StartAsync("lijst", null, Test);

        (await engine.ReadAsync(r => r.GetInstanceAsync("bestaat-niet"))).Should().BeNull();
        var views = await engine.ReadAsync(r => r.GetInstancesAsync([second.InstanceId, "bestaat-niet", first.InstanceId, second.InstanceId]));

        views.Select(v => v.Id).Should().Equal(second.InstanceId, first.InstanceId);
    }

    [Fact]
    public async Task The_journal_reads_oldest_first_with_its_data_and_filters_by_kind_for_one_or_several_instances()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(AskRoute);
        var first = await engine.Runtime.StartAsync("vraag", null, new Trigger("secretaris", Channel.Page, RequestId: "start-1"));
        var second = await engine.Runtime.StartAsync("vraag", null, Test);
        var request = first.Bookmarks.Single(b => b.Name == "Vraag");
        await engine.Runtime.ResumeAsync(first.InstanceId, request.Id, EngineHost.Json("""{ "keuze": "nee" }"""), new Trigger("lid", Channel.Link));

        var journal = await engine.ReadAsync(r => r.GetJournalAsync(first.InstanceId));

        journal.Select(j => j.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        journal.Select(j => j.Kind).Should().Equal(
            JournalKinds.InstanceStarted, JournalKinds.ActivityStarted, JournalKinds.ActivityCompleted, JournalKinds.ActivityStarted,
            JournalKinds.BookmarkResumed, "antwoord", JournalKinds.ActivityCompleted, JournalKinds.ActivityStarted);
        journal[0].Should().Match<JournalEntry>(j => j.InstanceId == first.InstanceId && j.Actor == "secretaris" && j.Channel == Channel.Page && j.RequestId == "start-1");
        journal[0].Data!.ToJsonString().Should().Be("""{"definitionId":"vraag","version":1}""");
        journal[0].At.Should().Be(engine.Clock.GetUtcNow());
        journal[5].Should().Match<JournalEntry>(j => j.ActivityId == "vraag" && j.ActivityType == "Test.Ask" && j.Outcome == "nee" && j.Actor == "lid" && j.Channel == Channel.Link);

        var answers = await engine.ReadAsync(r => r.GetJournalAsync(first.InstanceId, ["antwoord"]));
        answers.Should().ContainSingle().Which.Sequence.Should().Be(6);

        var starts = await engine.ReadAsync(r => r.GetJournalsAsync([second.InstanceId, first.InstanceId, "bestaat-niet"], [JournalKinds.InstanceStarted, "antwoord"]));
        starts.Select(j => (j.InstanceId, j.Kind)).Should().Equal(
            (first.InstanceId, JournalKinds.InstanceStarted), (first.InstanceId, "antwoord"), (second.InstanceId, JournalKinds.InstanceStarted));
        (await engine.ReadAsync(r => r.GetJournalsAsync([second.InstanceId]))).Should().HaveCount(4);
    }

    [Fact]
    public async Task Journal_marks_give_the_lines_of_some_kinds_without_data_and_the_change_mark_moves_with_every_burst()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(AskRoute);
        var empty = await engine.ReadAsync(r => r.GetChangeMarkAsync());
        var first = await engine.Runtime.StartAsync("vraag", null, Test);
        var second = await engine.Runtime.StartAsync("vraag", null, Test);
        var started = await engine.ReadAsync(r => r.GetChangeMarkAsync());
        (await engine.ReadAsync(r => r.GetChangeMarkAsync())).Should().Be(started, "nothing was written in between");
        await engine.Runtime.ResumeAsync(first.InstanceId, first.Bookmarks.Single(b => b.Name == "Vraag").Id, EngineHost.Json("""{ "keuze": "ja" }"""), Test);
        var resumed = await engine.ReadAsync(r => r.GetChangeMarkAsync());

        empty.Should().Be("0:0");
        new[] { empty, started, resumed }.Should().OnlyHaveUniqueItems();

        var marks = await engine.ReadAsync(r => r.GetJournalMarksAsync([second.InstanceId, first.InstanceId, "bestaat-niet"], [JournalKinds.ActivityStarted, "antwoord"]));
        var lines = await engine.ReadAsync(r => r.GetJournalsAsync([second.InstanceId, first.InstanceId], [JournalKinds.ActivityStarted, "antwoord"]));
        marks.Should().Equal(lines.Select(j => new JournalMark(j.InstanceId, j.Sequence, j.At, j.Kind, j.ActivityId)));
        marks.Should().Contain(m => m.InstanceId == first.InstanceId && m.Kind == "antwoord" && m.ActivityId == "vraag");
    }

    [Fact]
    public async Task An_incident_shows_on_the_view_and_stays_in_the_incident_history_once_resolved()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(FlakyRoute);
        var started = await engine.Runtime.StartAsync("wankel", null, Test);

        var view = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;
        view.Status.Should().Be(WorkflowStatus.Faulted);
        view.Tokens.Should().ContainSingle().Which.Should().Match<TokenView>(t => t.ActivityId == "extern" && t.Faulted && t.Bookmarks.Count == 0);
        var incident = view.Incidents.Should().ContainSingle().Subject;
        incident.Should().Match<IncidentView>(i => i.InstanceId == started.InstanceId && i.ActivityId == "extern" && i.ActivityType == "Test.Flaky"
            && i.Message == "De externe dienst antwoordde niet." && i.ExceptionType == "System.InvalidOperationException" && i.ResolvedAt == null
            && i.TokenId == view.Tokens[0].Id);
        (await engine.ReadAsync(r => r.GetIncidentsAsync(started.InstanceId))).Should().ContainSingle().Which.Id.Should().Be(incident.Id);

        // A retry that fails again resolves the first incident and opens a second.
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.Runtime.RetryIncidentAsync(started.InstanceId, incident.Id, Test);
        var open = await engine.ReadAsync(r => r.GetIncidentsAsync(started.InstanceId));
        var all = await engine.ReadAsync(r => r.GetIncidentsAsync(started.InstanceId, includeResolved: true));
        open.Should().ContainSingle().Which.Id.Should().NotBe(incident.Id);
        all.Select(i => i.Id).Should().Equal(incident.Id, open[0].Id);
        all[0].ResolvedAt.Should().Be(engine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Pages_run_newest_first_across_pages_with_status_and_definition_filters_and_end_without_a_cursor()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(WaitRoute);
        await engine.SaveAsync(AskRoute);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await engine.Runtime.StartAsync("lijst", null, Test)).InstanceId);
        }

        await engine.Runtime.StartAsync("vraag", null, Test);
        await engine.Runtime.CancelAsync(ids[3], Test);
        var query = new InstanceQuery { Statuses = [WorkflowStatus.Suspended], DefinitionId = "lijst" };

        var pages = new List<IReadOnlyList<string>>();
        string? cursor = null;
        do
        {
            var page = await engine.ReadAsync(r => r.PageInstancesAsync(query, cursor, 2));
            pages.Add(page.Items.Select(v => v.Id).ToList());
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        pages.Should().HaveCount(3);
        pages.SelectMany(p => p).Should().Equal(ids[6], ids[5], ids[4], ids[2], ids[1], ids[0]);
        pages.Select(p => p.Count).Should().Equal(2, 2, 2);

        var summaries = await engine.ReadAsync(r => r.PageSummariesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Cancelled, WorkflowStatus.Finished] }, null, 50));
        summaries.Items.Should().ContainSingle().Which.Should().Match<InstanceSummary>(s => s.Id == ids[3] && s.Status == WorkflowStatus.Cancelled && s.FinishedAt != null);
        summaries.NextCursor.Should().BeNull();

        var everything = await engine.ReadAsync(r => r.PageSummariesAsync(InstanceQuery.All, null, 500));
        everything.Items.Should().HaveCount(8, "the page size is clamped to 200, which holds all eight");
    }

    [Fact]
    public async Task A_cursor_that_was_not_given_out_is_refused_in_Dutch()
    {
        await using var engine = await EngineHost.StartAsync();

        var act = () => engine.ReadAsync(r => r.PageInstancesAsync(InstanceQuery.All, "geen-cursor", 10));

        (await act.Should().ThrowAsync<FormatException>()).Which.Message.Should().Be("De cursor is ongeldig; vraag de eerste pagina opnieuw op.");
    }

    [Fact]
    public async Task The_stream_visits_every_matching_instance_once_newest_first_across_its_internal_pages()
    {
        var source = new TestAttributeSource();
        await using var engine = await EngineHost.StartAsync(configure: s => s.AddSingleton<IInstanceAttributeSource>(source));
        await engine.SaveAsync(WaitRoute);
        var even = new List<string>();
        for (var i = 0; i < 410; i++)
        {
            var label = i % 2 == 0 ? "even" : "oneven";
            var id = (await engine.Runtime.StartAsync("lijst", new JsonObject { ["labels"] = new JsonArray(label) }, Test)).InstanceId;
            if (label == "even")
            {
                even.Add(id);
            }
        }

        var visited = new List<string>();
        await using (var scope = engine.Services.CreateAsyncScope())
        {
            var reader = scope.ServiceProvider.GetRequiredService<IWorkflowReader>();
            await foreach (var view in reader.StreamInstancesAsync(new InstanceQuery { Attributes = [TestAttributeSource.Label.Is("even")] }))
            {
                visited.Add(view.Id);
            }
        }

        visited.Should().Equal(Enumerable.Reverse(even));
    }

    [Fact]
    public async Task Definitions_list_their_latest_and_latest_published_versions_and_read_by_every_kind_of_reference()
    {
        await using var engine = await EngineHost.StartAsync();
        var savedAt = engine.Clock.GetUtcNow();
        await engine.SaveAsync(WaitRoute);
        await engine.SaveAsync(AskRoute);
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = engine.Services.CreateAsyncScope())
        {
            // A second version of "lijst", saved but not published (a draft stored by the engine).
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>()
                .SaveAsync(WaitRoute.Replace("\"Wachten\"", "\"Wachten, herzien\"", StringComparison.Ordinal), publish: false, actor: "ontwerper", source: "ontwerper");
        }

        var latest = await engine.ReadAsync(r => r.ListDefinitionsAsync());
        var published = await engine.ReadAsync(r => r.ListDefinitionsAsync(DefinitionListing.LatestPublished));
        var versions = await engine.ReadAsync(r => r.ListDefinitionVersionsAsync("lijst"));

        latest.Should().Equal(
            new DefinitionSummary("lijst:v2", "lijst", 2, "Wachten, herzien", null, false, true, savedAt.AddMinutes(5), "ontwerper", "ontwerper"),
            new DefinitionSummary("vraag:v1", "vraag", 1, "Vraag en signaal", "Vraagt iets en wacht daarna op een signaal.", true, true, savedAt, "test", null));
        published.Select(d => d.VersionId).Should().Equal("lijst:v1", "vraag:v1");
        versions.Select(d => (d.Version, d.IsPublished, d.IsLatest)).Should().Equal((2, false, true), (1, true, false));
        (await engine.ReadAsync(r => r.ListDefinitionVersionsAsync("onbekend"))).Should().BeEmpty();

        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.Published("lijst"))))!.Summary.Version.Should().Be(1);
        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.Latest("lijst"))))!.Summary.Version.Should().Be(2);
        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.OfVersion("lijst", 1))))!.Model.Name.Should().Be("Wachten");
        var byId = (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.ById("lijst:v2"))))!;
        byId.Model.Name.Should().Be("Wachten, herzien");
        JsonNode.Parse(byId.Json)!["name"]!.GetValue<string>().Should().Be("Wachten, herzien");
        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.OfVersion("lijst", 3)))).Should().BeNull();
        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.Published("onbekend")))).Should().BeNull();

        // A stored version never changes: its model is parsed once and shared.
        var model = await engine.ReadAsync(r => r.GetDefinitionModelAsync("vraag:v1"));
        model!.Root.Activities.Select(a => a.Id).Should().Equal("start", "vraag", "wacht", "einde");
        (await engine.ReadAsync(r => r.GetDefinitionModelAsync("vraag:v1"))).Should().BeSameAs(model);
        (await engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.ById("vraag:v1"))))!.Model.Should().BeSameAs(model);
        (await engine.ReadAsync(r => r.GetDefinitionModelAsync("vraag:v9"))).Should().BeNull();
    }
}
