using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>
/// The stored governance model and jaarkalender on a real SQLite file: seeded once, every accepted change a new
/// version with its actor, every refused one storing nothing, and the directory the activities read following along,
/// in this process at once and in another one within the check interval.
/// </summary>
public sealed class GovernanceStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("adviesroute-governance-").FullName;
    private readonly List<IHost> _hosts = [];

    [Fact]
    public async Task The_first_start_seeds_the_demo_model_and_jaarkalender_once()
    {
        await StartAsync();
        var again = await StartAsync(); // a restart on the same file

        var history = await WithStoreAsync(again, store => store.HistoryAsync());

        history.Select(v => (v.Kind, v.Version, v.Actor)).Should().BeEquivalentTo(new[]
        {
            (GovernanceKinds.Bestuur, 1L, GovernanceStore.SystemActor),
            (GovernanceKinds.Jaarkalender, 1L, GovernanceStore.SystemActor),
        });
        var current = DirectoryOf(again).Current;
        (current.ModelVersion, current.CalendarVersion).Should().Be((1, 1));
        current.Model.Members.Should().HaveCount(GovernanceSeed.Parse(DemoGovernance.Json()).Members.Count);
        current.Calendar.MeetingsOf("ab").Should().HaveCount(12);
    }

    [Fact]
    public async Task With_seeding_switched_off_nothing_is_stored_and_the_directory_is_empty()
    {
        var host = await StartAsync(seedDemo: false);

        var current = DirectoryOf(host).Current;

        (current.ModelVersion, current.CalendarVersion).Should().Be((0, 0));
        current.Model.Bodies.Should().BeEmpty();
        (await WithStoreAsync(host, store => store.HistoryAsync())).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_hosts_starting_at_once_seed_one_version_1()
    {
        var hosts = await Task.WhenAll(StartAsync(), StartAsync());

        var history = await WithStoreAsync(hosts[0], store => store.HistoryAsync());

        history.Select(v => $"{v.Kind} {v.Version}").Should().BeEquivalentTo("bestuur 1", "jaarkalender 1");
    }

    [Fact]
    public void The_seed_writer_round_trips_the_demo_model()
    {
        var model = GovernanceSeed.Parse(DemoGovernance.Json());

        var again = GovernanceSeed.Parse(GovernanceSeedWriter.Serialize(model));

        again.Municipalities.Should().Equal(model.Municipalities);
        again.Bodies.Should().Equal(model.Bodies);
        again.Members.Should().Equal(model.Members);
    }

    [Fact]
    public async Task Replacing_the_model_stores_version_2_with_the_actor_and_what_changed()
    {
        var host = await StartAsync();
        var json = Seed(s => s["members"]![0]!["email"] = "a.bakker@aa-en-hunze.example.org");

        var snapshot = await WithStoreAsync(host, store => store.ReplaceModelAsync(json, "p.eigenaar@example.org"));

        snapshot.ModelVersion.Should().Be(2);
        snapshot.CalendarVersion.Should().Be(1);
        var newest = (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Bestuur)))[0];
        newest.Should().Be(new GovernanceVersionInfo(GovernanceKinds.Bestuur, 2, "p.eigenaar@example.org", Now, "leden gewijzigd: m001"));
        DirectoryOf(host).Current.Model.Members[0].Email.Should().Be("a.bakker@aa-en-hunze.example.org");
        var stored = await WithStoreAsync(host, store => store.LatestAsync(GovernanceKinds.Bestuur));
        GovernanceSeedWriter.Description(stored!.Json).Should().StartWith("Fictieve bezetting", "the description of the document is kept");
    }

    [Fact]
    public async Task Replacing_the_model_by_the_same_document_stores_nothing()
    {
        var host = await StartAsync();

        var snapshot = await WithStoreAsync(host, store => store.ReplaceModelAsync(DemoGovernance.Json(), "p.eigenaar@example.org"));

        snapshot.ModelVersion.Should().Be(1);
        (await WithStoreAsync(host, store => store.HistoryAsync())).Should().HaveCount(2);
    }

    public static TheoryData<string, string, string> RefusedModels => new()
    {
        { "a member without email", Seed(s => s["members"]![3]!.AsObject().Remove("email")), "$.members[3].email" },
        { "a duplicate municipality", Seed(s => s["municipalities"]!.AsArray().Add(new JsonObject { ["id"] = "assen-2", ["name"] = "Assen" })), "$.municipalities[12]" },
        { "removing a body that still has meetings", WithoutBody("bnt-zv"), "$.bodies" },
    };

    [Theory]
    [MemberData(nameof(RefusedModels))]
    public async Task A_refused_model_stores_nothing_and_keeps_the_version(string why, string json, string path)
    {
        var host = await StartAsync();

        var replace = () => WithStoreAsync(host, store => store.ReplaceModelAsync(json, "p.eigenaar@example.org"));

        (await replace.Should().ThrowAsync<GovernanceSeedException>(why)).Which.Errors.Should().ContainSingle(e => e.Path == path);
        await NothingChangedAsync(host);
    }

    [Fact]
    public async Task Removing_a_body_with_meetings_names_the_body_and_its_meetings()
    {
        var host = await StartAsync();

        var replace = () => WithStoreAsync(host, store => store.ReplaceModelAsync(WithoutBody("bnt-zv"), "p.eigenaar@example.org"));

        var error = (await replace.Should().ThrowAsync<GovernanceSeedException>()).Which.Errors.Single();
        error.Code.Should().Be(GovernanceStore.BodyHasMeetings);
        error.Message.Should().StartWith("Orgaan 'bnt-zv' heeft nog ");
    }

    [Fact]
    public async Task Removing_a_body_without_meetings_is_a_new_version()
    {
        var host = await StartAsync();

        var snapshot = await WithStoreAsync(host, store => store.ReplaceModelAsync(WithoutBody("vg-pg"), "p.eigenaar@example.org"));

        snapshot.ModelVersion.Should().Be(2);
        snapshot.Model.Bodies.Should().NotContain(b => b.Id == "vg-pg");
    }

    public static TheoryData<string, string, string> RefusedCalendars => new()
    {
        { "an impossible date", CalendarJson(k => k["meetings"]![0]!["date"] = "2026-02-30"), "$.meetings[0].date" },
        { "a meeting of an unknown body", CalendarJson(k => k["meetings"]![0]!["body"] = "raad-groningen"), "$.meetings[0].body" },
    };

    [Theory]
    [MemberData(nameof(RefusedCalendars))]
    public async Task A_refused_jaarkalender_stores_nothing_and_keeps_the_version(string why, string json, string path)
    {
        var host = await StartAsync();

        var replace = () => WithStoreAsync(host, store => store.ReplaceCalendarAsync(json, "p.eigenaar@example.org"));

        (await replace.Should().ThrowAsync<GovernanceSeedException>(why)).Which.Errors.Should().ContainSingle(e => e.Path == path);
        await NothingChangedAsync(host);
    }

    [Fact]
    public async Task Replacing_the_jaarkalender_stores_version_2_and_the_directory_shows_the_moved_meeting()
    {
        var host = await StartAsync();
        var json = CalendarJson(k => k["meetings"]!.AsArray().Single(m => (string?)m!["id"] == "ab-2026-04-15")!["date"] = "2026-04-16");

        var snapshot = await WithStoreAsync(host, store => store.ReplaceCalendarAsync(json, "secretariaat@example.org"));

        snapshot.CalendarVersion.Should().Be(2);
        DirectoryOf(host).Current.Calendar.Meetings.Single(m => m.Id == "ab-2026-04-15").Date.Should().Be(new DateOnly(2026, 4, 16));
        (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Jaarkalender)))[0].Change.Should().Be("vergaderingen gewijzigd: ab-2026-04-15");
    }

    [Fact]
    public async Task A_refused_member_stores_nothing_and_names_the_field_of_the_member()
    {
        var host = await StartAsync();
        var successor = Successor();
        successor.Remove("email");

        var add = () => WithStoreAsync(host, store => store.AddMemberAsync(successor.ToJsonString(), "p.eigenaar@example.org"));

        (await add.Should().ThrowAsync<GovernanceSeedException>()).Which.Errors.Should().ContainSingle(e => e.Path == "$.email");
        await NothingChangedAsync(host);
    }

    [Fact]
    public async Task Changing_a_member_that_does_not_exist_stores_nothing()
    {
        var host = await StartAsync();

        var change = () => WithStoreAsync(host, store => store.ChangeMemberAsync("m999", Successor().ToJsonString(), "p.eigenaar@example.org"));

        await change.Should().ThrowAsync<GovernanceMemberNotFoundException>();
        await NothingChangedAsync(host);
    }

    [Fact]
    public async Task Ending_a_term_and_adding_the_successor_shows_in_the_directory_at_once()
    {
        var host = await StartAsync();
        var ending = Member("m028");
        ending["to"] = "2026-12-31";

        await WithStoreAsync(host, store => store.ChangeMemberAsync("m028", ending.ToJsonString(), "p.eigenaar@example.org"));
        var snapshot = await WithStoreAsync(host, store => store.AddMemberAsync(Successor().ToJsonString(), "p.eigenaar@example.org"));

        snapshot.ModelVersion.Should().Be(3);
        var current = DirectoryOf(host).Current;
        current.ModelVersion.Should().Be(3);
        current.Model.MembersOf("ab", new DateOnly(2026, 12, 31)).Select(m => m.Id).Should().Contain("m028").And.NotContain("m900");
        current.Model.MembersOf("ab", new DateOnly(2027, 1, 1)).Select(m => m.Id).Should().Contain("m900").And.NotContain("m028");
        (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Bestuur))).Select(v => v.Change).Should().Equal(
            "lid m900 (Marieke Smit) toegevoegd aan ab",
            "lid m028 (Jolanda Dijkstra) gewijzigd: to",
            "demo geladen");
    }

    [Fact]
    public async Task A_member_change_may_not_change_the_id()
    {
        var host = await StartAsync();
        var renamed = Member("m028");
        renamed["id"] = "m028b";

        var change = () => WithStoreAsync(host, store => store.ChangeMemberAsync("m028", renamed.ToJsonString(), "p.eigenaar@example.org"));

        (await change.Should().ThrowAsync<GovernanceSeedException>()).Which.Errors.Should().ContainSingle(e => e.Path == "$.id" && e.Code == GovernanceStore.MemberIdChanged);
        await NothingChangedAsync(host);
    }

    [Fact]
    public async Task A_directory_of_another_process_sees_the_change_within_the_check_interval()
    {
        var writer = await StartAsync();
        var reader = await StartAsync();
        DirectoryOf(reader).Current.ModelVersion.Should().Be(1);
        var ending = Member("m028");
        ending["to"] = "2026-12-31";

        await WithStoreAsync(writer, store => store.ChangeMemberAsync("m028", ending.ToJsonString(), "p.eigenaar@example.org"));

        DirectoryOf(reader).Current.ModelVersion.Should().Be(1, "the other process asks the database at most every two seconds");
        Clock(reader).Advance(StoredGovernanceDirectory.CheckInterval);
        var seen = DirectoryOf(reader).Current;
        seen.ModelVersion.Should().Be(2);
        seen.Model.Members.Single(m => m.Id == "m028").To.Should().Be(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public async Task A_fresh_directory_on_the_same_file_reads_the_newest_versions()
    {
        var writer = await StartAsync();
        await WithStoreAsync(writer, store => store.AddMemberAsync(Successor().ToJsonString(), "p.eigenaar@example.org"));

        var other = await StartAsync();

        var current = DirectoryOf(other).Current;
        (current.ModelVersion, current.CalendarVersion).Should().Be((2, 1));
        current.Model.Members.Should().Contain(m => m.Id == "m900");
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_stores_nothing_and_names_the_current_version()
    {
        var host = await StartAsync();
        var ending = Member("m028");
        ending["to"] = "2026-12-31";
        await WithStoreAsync(host, store => store.ChangeMemberAsync("m028", ending.ToJsonString(), "a.ander@example.org", expectedVersion: 1));
        var json = Seed(s => s["members"]![0]!["email"] = "a.bakker@aa-en-hunze.example.org");

        var replace = () => WithStoreAsync(host, store => store.ReplaceModelAsync(json, "p.eigenaar@example.org", expectedVersion: 1));

        var conflict = (await replace.Should().ThrowAsync<GovernanceVersionConflictException>()).Which;
        (conflict.Kind, conflict.Expected, conflict.Current, conflict.ChangedBy, conflict.ChangedAt)
            .Should().Be((GovernanceKinds.Bestuur, 1L, 2L, "a.ander@example.org", Now));
        conflict.Message.Should().Be("Het bestuursmodel is intussen gewijzigd (nu versie 2, door a.ander@example.org op 1 september 2026 om 10:00); "
            + "haal het opnieuw op en breng uw wijziging opnieuw aan.");
        (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Bestuur))).Should().HaveCount(2, "the stale change stored nothing");
        var current = DirectoryOf(host).Current;
        current.ModelVersion.Should().Be(2);
        current.Model.Members[0].Email.Should().NotBe("a.bakker@aa-en-hunze.example.org");
        current.Model.Members.Single(m => m.Id == "m028").To.Should().Be(new DateOnly(2026, 12, 31), "the other change is kept");
    }

    [Fact]
    public async Task A_member_change_or_addition_based_on_a_stale_version_stores_nothing()
    {
        var host = await StartAsync();
        await WithStoreAsync(host, store => store.ReplaceModelAsync(
            Seed(s => s["members"]![0]!["email"] = "a.bakker@aa-en-hunze.example.org"), "a.ander@example.org"));
        var ending = Member("m028");
        ending["to"] = "2026-12-31";

        var change = () => WithStoreAsync(host, store => store.ChangeMemberAsync("m028", ending.ToJsonString(), "p.eigenaar@example.org", expectedVersion: 1));
        var add = () => WithStoreAsync(host, store => store.AddMemberAsync(Successor().ToJsonString(), "p.eigenaar@example.org", expectedVersion: 1));

        (await change.Should().ThrowAsync<GovernanceVersionConflictException>()).Which.Current.Should().Be(2);
        (await add.Should().ThrowAsync<GovernanceVersionConflictException>()).Which.Current.Should().Be(2);
        (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Bestuur))).Should().HaveCount(2);
        DirectoryOf(host).Current.Model.Members.Should().NotContain(m => m.Id == "m900");
    }

    [Fact]
    public async Task A_jaarkalender_based_on_a_stale_version_stores_nothing_and_names_the_current_version()
    {
        var host = await StartAsync();
        var moved = CalendarJson(k => k["meetings"]!.AsArray().Single(m => (string?)m!["id"] == "ab-2026-04-15")!["date"] = "2026-04-16");
        var placed = CalendarJson(k => k["meetings"]![0]!["place"] = "Gemeentehuis Emmen");
        await WithStoreAsync(host, store => store.ReplaceCalendarAsync(moved, "secretariaat@example.org", expectedVersion: 1));

        var replace = () => WithStoreAsync(host, store => store.ReplaceCalendarAsync(placed, "p.eigenaar@example.org", expectedVersion: 1));

        var conflict = (await replace.Should().ThrowAsync<GovernanceVersionConflictException>()).Which;
        (conflict.Kind, conflict.Current, conflict.ChangedBy).Should().Be((GovernanceKinds.Jaarkalender, 2L, "secretariaat@example.org"));
        conflict.Message.Should().Be("De jaarkalender is intussen gewijzigd (nu versie 2, door secretariaat@example.org op 1 september 2026 om 10:00); "
            + "haal hem opnieuw op en breng uw wijziging opnieuw aan.");
        (await WithStoreAsync(host, store => store.HistoryAsync(GovernanceKinds.Jaarkalender))).Should().HaveCount(2);
        DirectoryOf(host).Current.CalendarVersion.Should().Be(2);
    }

    [Fact]
    public async Task A_change_based_on_the_current_version_is_stored()
    {
        var host = await StartAsync();
        var json = Seed(s => s["members"]![0]!["email"] = "a.bakker@aa-en-hunze.example.org");

        var first = await WithStoreAsync(host, store => store.ReplaceModelAsync(json, "p.eigenaar@example.org", expectedVersion: 1));
        var second = await WithStoreAsync(host, store => store.AddMemberAsync(Successor().ToJsonString(), "p.eigenaar@example.org", expectedVersion: 2));
        var calendar = await WithStoreAsync(host, store => store.ReplaceCalendarAsync(
            CalendarJson(k => k["meetings"]![0]!["place"] = "Gemeentehuis Emmen"), "p.eigenaar@example.org", expectedVersion: 1));

        (first.ModelVersion, second.ModelVersion, calendar.CalendarVersion).Should().Be((2, 3, 2));
        DirectoryOf(host).Current.Model.Members.Should().Contain(m => m.Id == "m900");
    }

    private async Task NothingChangedAsync(IHost host)
    {
        (await WithStoreAsync(host, store => store.HistoryAsync())).Should().HaveCount(2, "a refused change stores no version");
        var current = DirectoryOf(host).Current;
        (current.ModelVersion, current.CalendarVersion).Should().Be((1, 1));
    }

    /// <summary>A host with what AddActivities registers, on this test's database file, its own clock, started.</summary>
    private async Task<IHost> StartAsync(bool seedDemo = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Governance:SeedDemo"] = seedDemo.ToString() });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.Services.AddOptions<WorkflowOptions>().Configure(o => o.ConnectionString = $"Data Source={Path.Combine(_folder, "adviesroute.db")}");
        builder.Services.AddActivities(builder.Configuration);
        var host = builder.Build();
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        await host.StartAsync();
        return host;
    }

    private static StoredGovernanceDirectory DirectoryOf(IHost host)
    {
        host.Services.GetRequiredService<IGovernanceDirectory>().Should().BeSameAs(host.Services.GetRequiredService<StoredGovernanceDirectory>());
        return host.Services.GetRequiredService<StoredGovernanceDirectory>();
    }

    private static FakeTimeProvider Clock(IHost host) => (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();

    private static async Task<T> WithStoreAsync<T>(IHost host, Func<GovernanceStore, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<GovernanceStore>());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a finishing thread; the temp folder is cleaned by the OS
        }
    }
}
