using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Queries;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Attributes;

[Collection(EngineCollection.Name)]
public sealed class InstanceAttributeTests
{
    private static readonly Trigger Test = new("test", Channel.Api);

    private static Task<EngineHost> StartAsync(TestAttributeSource? source, string? folder = null) =>
        EngineHost.StartAsync(folder: folder, configure: source is null ? null : s => s.AddSingleton<IInstanceAttributeSource>(source));

    private static Task<List<(string Name, string Value, string Folded)>> RowsAsync(EngineHost engine, string instanceId) =>
        engine.WithDbAsync(async db => (await db.InstanceAttributes.AsNoTracking().Where(a => a.InstanceId == instanceId).ToListAsync())
            .Select(a => (a.Name, a.Value, a.Folded)).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Value, StringComparer.Ordinal).ToList());

    private static async Task<List<string>> FindAsync(EngineHost engine, params AttributeFilter[] filters) =>
        (await engine.ReadAsync(r => r.PageSummariesAsync(new InstanceQuery { Attributes = filters }, null, IWorkflowReader.MaxPageSize))).Items.Select(i => i.Id).ToList();

    private static JsonObject Input(string title, params string[] labels) =>
        new() { ["titel"] = title, ["labels"] = new JsonArray(labels.Select(l => (JsonNode)l).ToArray()) };

    [Fact]
    public async Task A_start_writes_the_attributes_with_the_step_and_a_resume_updates_them()
    {
        var source = new TestAttributeSource();
        await using var engine = await StartAsync(source);
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);

        var started = await engine.Runtime.StartAsync("lijst", Input("Zienswijze Coëvorden", "b", "a", "b"), Test);

        (await RowsAsync(engine, started.InstanceId)).Should().Equal(
            ("label", "a", "a"), ("label", "b", "b"), ("titel", "Zienswijze Coëvorden", "zienswijze coevorden"), ("wacht", "verder", "verder"));
        var view = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;
        view.Attributes.Select(a => (a.Name.Name, a.Value)).Should().Equal(("label", "a"), ("label", "b"), ("titel", "Zienswijze Coëvorden"), ("wacht", "verder"));
        view.AttributeValues(TestAttributeSource.Label).Should().Equal("a", "b");
        var context = source.Seen.Should().ContainSingle().Subject;
        context.IsRecomputation.Should().BeFalse();
        context.Previous.Should().BeEmpty();
        context.Journal.Select(j => j.Kind).Should().Equal(JournalKinds.InstanceStarted, JournalKinds.ActivityStarted, JournalKinds.ActivityCompleted, JournalKinds.ActivityStarted);
        context.Instance.Should().Match<InstanceView>(v => v.Id == started.InstanceId && v.DefinitionVersionId == "lijst:v1" && v.Status == WorkflowStatus.Suspended
            && v.CreatedAt == engine.Clock.GetUtcNow());

        await engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, null, Test);

        (await RowsAsync(engine, started.InstanceId)).Select(r => (r.Name, r.Value)).Should().Equal(
            ("hervat", "verder"), ("label", "a"), ("label", "b"), ("titel", "Zienswijze Coëvorden"));
        source.Seen.Last().Previous.Select(a => (a.Name.Name, a.Value)).Should().Equal(("label", "a"), ("label", "b"), ("titel", "Zienswijze Coëvorden"), ("wacht", "verder"));
        source.Seen.Last().Instance.Status.Should().Be(WorkflowStatus.Finished);
        (await FindAsync(engine, TestAttributeSource.Resumed.Is("verder"))).Should().Equal(started.InstanceId);
        (await FindAsync(engine, TestAttributeSource.WaitsFor.Is("verder"))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_burst_writes_only_the_values_that_changed()
    {
        await using var engine = await StartAsync(new TestAttributeSource());
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var started = await engine.Runtime.StartAsync("lijst", Input("Kaderbrief", "a", "b"), Test);
        await engine.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE AttributeLog (Change TEXT, Name TEXT, Value TEXT);
                CREATE TRIGGER AttributeInserted AFTER INSERT ON InstanceAttributes BEGIN INSERT INTO AttributeLog VALUES ('insert', new.Name, new.Value); END;
                CREATE TRIGGER AttributeDeleted AFTER DELETE ON InstanceAttributes BEGIN INSERT INTO AttributeLog VALUES ('delete', old.Name, old.Value); END;
                CREATE TRIGGER AttributeUpdated AFTER UPDATE ON InstanceAttributes BEGIN INSERT INTO AttributeLog VALUES ('update', new.Name, new.Value); END;
                """);
            return 0;
        });

        await engine.Runtime.AmendInputAsync(started.InstanceId, input =>
        {
            input["labels"] = new JsonArray("b", "c");
            return null;
        }, Test);
        await engine.Runtime.AmendInputAsync(started.InstanceId, input => null, Test);

        var log = await engine.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT Change || ' ' || Name || ' ' || Value AS Value FROM AttributeLog").ToListAsync());
        log.Should().BeEquivalentTo(["delete label a", "insert label c"], "the title, label b and the wait stayed; the second amendment changed nothing");
        (await RowsAsync(engine, started.InstanceId)).Select(r => (r.Name, r.Value)).Should().Equal(
            ("label", "b"), ("label", "c"), ("titel", "Kaderbrief"), ("wacht", "verder"));
    }

    [Fact]
    public async Task A_burst_that_is_rolled_back_leaves_the_previous_attributes()
    {
        await using var engine = await StartAsync(new TestAttributeSource());
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var started = await engine.Runtime.StartAsync("lijst", Input("Eerste titel"), Test);
        await engine.Runtime.AmendInputAsync(started.InstanceId, input =>
        {
            input["titel"] = "Tweede titel";
            return null;
        }, new Trigger("test", Channel.Api, RequestId: "wijziging-1"));

        // The same request again, with another title: its journal line collides with the first one's request id, so the
        // whole burst rolls back, its attribute rows (written before the journal) included.
        var again = await engine.Runtime.AmendInputAsync(started.InstanceId, input =>
        {
            input["titel"] = "Derde titel";
            return null;
        }, new Trigger("test", Channel.Api, RequestId: "wijziging-1"));

        again.AlreadyApplied.Should().BeTrue();
        (await RowsAsync(engine, started.InstanceId)).Where(r => r.Name == "titel").Select(r => r.Value).Should().Equal("Tweede titel");
        (await FindAsync(engine, TestAttributeSource.Title.Is("Derde titel"))).Should().BeEmpty();
        (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!.AttributeValues(TestAttributeSource.Title).Should().Equal("Tweede titel");
    }

    [Fact]
    public async Task A_source_that_throws_fails_the_command_and_nothing_of_the_burst_is_stored()
    {
        var source = new TestAttributeSource { FailWhen = c => c.Instance.Input["titel"]?.GetValue<string>() == "fout" };
        await using var engine = await StartAsync(source);
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var started = await engine.Runtime.StartAsync("lijst", Input("Goed"), Test);

        var act = () => engine.Runtime.AmendInputAsync(started.InstanceId, input =>
        {
            input["titel"] = "fout";
            return null;
        }, Test);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be("De attribuutbron faalt.");
        var view = (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!;
        view.Input["titel"]!.GetValue<string>().Should().Be("Goed");
        view.AttributeValues(TestAttributeSource.Title).Should().Equal("Goed");
        (await engine.ReadAsync(r => r.GetJournalAsync(started.InstanceId, [JournalKinds.InputAmended]))).Should().BeEmpty();
    }

    [Fact]
    public async Task Contains_and_StartsWith_ignore_case_and_accents_while_Is_compares_exactly()
    {
        await using var engine = await StartAsync(new TestAttributeSource());
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var coevorden = (await engine.Runtime.StartAsync("lijst", Input("Zienswijze Coëvorden", "raad-coevorden"), Test)).InstanceId;
        var assen = (await engine.Runtime.StartAsync("lijst", Input("ZIENSWIJZE ASSEN", "raad-assen", "college-assen"), Test)).InstanceId;
        var other = (await engine.Runtime.StartAsync("lijst", Input("Kadernota 50%_x", "raad.elders", "raaf"), Test)).InstanceId;

        (await FindAsync(engine, TestAttributeSource.Title.Contains("coevorden"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("CoËV"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("zienswijze"))).Should().Equal(assen, coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("50%_"))).Should().Equal(other);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("0%x"))).Should().BeEmpty("% and _ are plain characters");
        (await FindAsync(engine, TestAttributeSource.Title.StartsWith("zienswijze a"))).Should().Equal(assen);
        (await FindAsync(engine, TestAttributeSource.Title.StartsWith("Zienswíjze"))).Should().Equal(assen, coevorden);
        (await FindAsync(engine, TestAttributeSource.Label.StartsWith("raad-"))).Should().Equal(assen, coevorden);
        (await FindAsync(engine, TestAttributeSource.Label.StartsWith("raad"))).Should().Equal(other, assen, coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Is("Zienswijze Coëvorden"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Is("zienswijze coëvorden"))).Should().BeEmpty();
        (await FindAsync(engine, TestAttributeSource.Title.Is("Zienswijze Coevorden"))).Should().BeEmpty();
        (await FindAsync(engine, TestAttributeSource.Label.IsAnyOf(["college-assen", "raaf"]))).Should().Equal(other, assen);
        (await FindAsync(engine, TestAttributeSource.Label.IsAnyOf([]))).Should().BeEmpty();

        // Several filters must all hold, each on any of the instance's values.
        (await FindAsync(engine, TestAttributeSource.Label.StartsWith("raad-"), TestAttributeSource.Label.Is("college-assen"))).Should().Equal(assen);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("coevorden"), TestAttributeSource.Label.Is("college-assen"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Keyset_pages_filter_on_attributes_and_status_together()
    {
        await using var engine = await StartAsync(new TestAttributeSource());
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var ids = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            ids.Add((await engine.Runtime.StartAsync("lijst", Input($"Voorstel {i}", i % 3 == 0 ? "gezondheid" : "veiligheid"), Test)).InstanceId);
        }

        await engine.Runtime.CancelAsync(ids[6], Test);
        var query = new InstanceQuery { Statuses = [WorkflowStatus.Suspended], Attributes = [TestAttributeSource.Label.Is("veiligheid"), TestAttributeSource.Title.StartsWith("voorstel")] };

        var first = await engine.ReadAsync(r => r.PageInstancesAsync(query, null, 4));
        var second = await engine.ReadAsync(r => r.PageInstancesAsync(query, first.NextCursor, 4));

        first.Items.Select(v => v.Id).Should().Equal(ids[8], ids[7], ids[5], ids[4]);
        first.NextCursor.Should().NotBeNull();
        second.Items.Select(v => v.Id).Should().Equal(ids[2], ids[1]);
        second.NextCursor.Should().BeNull();
        (await engine.ReadAsync(r => r.PageSummariesAsync(query with { Statuses = [WorkflowStatus.Cancelled] }, null, 10))).Items.Should().BeEmpty(
            "the cancelled instance is of the other pillar");
        (await engine.ReadAsync(r => r.PageSummariesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Cancelled], Attributes = [TestAttributeSource.Label.Is("gezondheid")] }, null, 10)))
            .Items.Select(i => i.Id).Should().Equal(ids[6]);
    }

    [Fact]
    public async Task Without_a_source_a_burst_writes_no_attribute_rows_and_views_have_none()
    {
        await using var engine = await StartAsync(null);
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);

        var started = await engine.Runtime.StartAsync("lijst", Input("Kaderbrief", "a"), Test);
        await engine.Runtime.AmendInputAsync(started.InstanceId, input => null, Test);

        (await engine.WithDbAsync(db => db.InstanceAttributes.CountAsync())).Should().Be(0);
        (await engine.WithDbAsync(db => db.Metadata.CountAsync())).Should().Be(0);
        (await engine.InstanceAsync(started.InstanceId)).StateJson.Should().NotContain("\"attributes\"");
        (await engine.ReadAsync(r => r.GetInstanceAsync(started.InstanceId)))!.Attributes.Should().BeEmpty();
        (await FindAsync(engine, TestAttributeSource.Title.Is("Kaderbrief"))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_attribute_table_is_stored_without_rowid_like_the_other_tables_a_burst_writes()
    {
        await using var engine = await StartAsync(null);

        var sql = await engine.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'InstanceAttributes'").SingleAsync());

        sql.Should().EndWith("WITHOUT ROWID");
    }

    [Fact]
    public async Task Instances_stored_before_a_source_existed_get_their_attributes_at_the_next_start_in_batches()
    {
        string folder;
        var ids = new List<string>();
        await using (var before = await StartAsync(null))
        {
            folder = before.Folder;
            await before.SaveAsync(WorkflowReaderTests.WaitRoute);
            for (var i = 0; i < AttributeBackfill.BatchSize + 5; i++)
            {
                ids.Add((await before.Runtime.StartAsync("lijst", Input($"Voorstel {i}", "oud"), Test)).InstanceId);
            }

            var finished = await before.Runtime.StartAsync("lijst", Input("Afgerond", "oud"), Test);
            await before.Runtime.ResumeAsync(finished.InstanceId, finished.Bookmarks[0].Id, null, Test);
            ids.Add(finished.InstanceId);
        }

        var source = new TestAttributeSource();
        await using (var after = await StartAsync(source, folder))
        {
            (await FindAsync(after, TestAttributeSource.Label.Is("oud"))).Should().HaveCount(IWorkflowReader.MaxPageSize);
            (await after.WithDbAsync(db => db.InstanceAttributes.CountAsync(a => a.Name == "label"))).Should().Be(ids.Count);
            (await FindAsync(after, TestAttributeSource.Title.Is("Voorstel 0"))).Should().Equal(ids[0]);
            // The whole journal is given on recomputation, so what accumulates from it is complete.
            (await FindAsync(after, TestAttributeSource.Resumed.Is("verder"))).Should().Equal(ids[^1]);
            (await RowsAsync(after, ids[^1])).Select(r => (r.Name, r.Value)).Should().Equal(("hervat", "verder"), ("label", "oud"), ("titel", "Afgerond"));
            (await after.ReadAsync(r => r.GetInstanceAsync(ids[1])))!.AttributeValues(TestAttributeSource.Title).Should().Equal("Voorstel 1");
            source.Seen.Should().HaveCount(ids.Count).And.OnlyContain(c => c.IsRecomputation && c.Previous.Count == 0);
            (await after.WithDbAsync(db => db.Metadata.SingleAsync())).Should().Match<AdviesRoute.Workflows.Persistence.EngineMetadataRecord>(m => m.Key == AttributeBackfill.VersionKey && m.Value == "1");

            // A burst after the backfill diffs against what it stored.
            await after.Runtime.AmendInputAsync(ids[0], input => null, Test);
            source.Seen.Last().Previous.Select(a => a.Name.Name).Should().Equal("label", "titel", "wacht");
        }

        // The same version again: nothing to recompute.
        var same = new TestAttributeSource();
        await using (var again = await StartAsync(same, folder))
        {
            same.Seen.Should().BeEmpty();
        }

        // Another version: every instance is computed again by the new rules.
        var changed = new TestAttributeSource("2");
        await using (var next = await StartAsync(changed, folder))
        {
            changed.Seen.Should().HaveCount(ids.Count);
            (await next.WithDbAsync(db => db.InstanceAttributes.CountAsync(a => a.Name == "versie" && a.Value == "2"))).Should().Be(ids.Count);
            (await next.WithDbAsync(db => db.Metadata.SingleAsync())).Value.Should().Be("2");
        }

        // No source any more: rows nobody keeps current are removed; a later source recomputes them.
        await using (var without = await StartAsync(null, folder))
        {
            (await without.WithDbAsync(db => db.InstanceAttributes.CountAsync())).Should().Be(0);
            (await without.WithDbAsync(db => db.Metadata.CountAsync())).Should().Be(0);
            (await without.ReadAsync(r => r.GetInstanceAsync(ids[0])))!.Attributes.Should().BeEmpty();
        }
    }

    [Fact]
    public void Two_sources_are_refused()
    {
        var act = () => new AttributeProjector([new TestAttributeSource(), new TestAttributeSource("2")]);

        act.Should().Throw<InvalidOperationException>().WithMessage("At most one IInstanceAttributeSource may be registered*");
    }

    [Fact]
    public void The_diff_of_two_sets_names_only_what_changed()
    {
        var previous = new Dictionary<string, List<string>> { ["label"] = ["a", "b"], ["titel"] = ["Oud"] };
        var next = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal)
        {
            ["label"] = new(["b", "c"], StringComparer.Ordinal),
            ["titel"] = new(["Oud"], StringComparer.Ordinal),
            ["wacht"] = new(["Één"], StringComparer.Ordinal),
        };

        var changes = AttributeProjector.Diff(previous, next)!;
        var unknown = AttributeProjector.Diff(null, next)!;

        changes.ReplaceAll.Should().BeFalse();
        changes.Removed.Should().Equal(("label", "a"));
        changes.Added.Should().Equal(("label", "c", "c"), ("wacht", "Één", "een"));
        AttributeProjector.Diff(AttributeProjector.ToStored(next), next).Should().BeNull();
        unknown.ReplaceAll.Should().BeTrue();
        unknown.Added.Should().HaveCount(4);
    }

    [Fact]
    public void Long_values_are_cut_where_they_are_stored_and_compared()
    {
        var value = new string('x', AttributeName.MaxValueLength - 1) + "😀tail";

        var stored = AttributeText.Stored(value);

        stored.Should().Be(new string('x', AttributeName.MaxValueLength - 1), "a surrogate pair is never split");
        AttributeText.Stored("kort").Should().Be("kort");
        AttributeText.Fold("Ĳssel Één Straße").Should().Be("ĳssel een straße");
        AttributeText.PrefixEnd("raad-").Should().Be("raad.");
    }
}
