using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>The API on the real engine: start, read, resume, let the clock pass a deadline, list.</summary>
[Collection(HostCollection.Name)]
public sealed class InstanceLifecycleTests(HostFixture host)
{
    [Fact]
    public async Task A_started_instance_is_read_back_with_bookmark_and_journal_of_who_started_it()
    {
        var definitionId = Definitions.UniqueId("start");
        await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId));
        using var secretary = host.Secretary();

        using var started = await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Begroting 2027" } });

        started.StatusCode.Should().Be(HttpStatusCode.Created);
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = summary.GetProperty("instanceId").GetString()!;
        summary.GetProperty("status").GetString().Should().Be("Suspended");
        started.Headers.Location!.ToString().Should().Be($"/api/instances/{instanceId}");

        using var reader = host.ProcessOwner();
        var instance = await reader.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        instance.GetProperty("definitionId").GetString().Should().Be(definitionId);
        instance.GetProperty("definitionVersion").GetInt32().Should().Be(1);
        instance.GetProperty("status").GetString().Should().Be("Suspended");
        var bookmark = instance.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        bookmark.GetProperty("name").GetString().Should().Be("goedkeuring");
        bookmark.GetProperty("activityId").GetString().Should().Be("wacht");
        instance.GetProperty("incidents").GetArrayLength().Should().Be(0);
        var journal = instance.GetProperty("journal").EnumerateArray().ToList();
        journal.Select(j => j.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        journal[0].GetProperty("actor").GetString().Should().Be(HostFixture.SecretaryKeyName);
        journal[0].GetProperty("channel").GetString().Should().Be("Api");
    }

    [Fact]
    public async Task A_resume_with_an_idempotency_key_applies_once_and_the_clock_then_passes_the_twelve_weeks()
    {
        var definitionId = Definitions.UniqueId("termijn");
        await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId));
        using var secretary = host.Secretary();
        var started = await (await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = started.GetProperty("instanceId").GetString()!;
        var bookmarkId = started.GetProperty("bookmarks")[0].GetProperty("id").GetString()!;

        var first = await Definitions.ResumeApprovalAsync(secretary, instanceId, bookmarkId, "akkoord-1");
        var second = await Definitions.ResumeApprovalAsync(secretary, instanceId, bookmarkId, "akkoord-1");

        first.GetProperty("alreadyApplied").GetBoolean().Should().BeFalse();
        second.GetProperty("alreadyApplied").GetBoolean().Should().BeTrue();
        var waiting = await secretary.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        waiting.GetProperty("variables").GetProperty("besluit").GetString().Should().Be("akkoord");
        var timer = waiting.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        timer.GetProperty("dueAt").ValueKind.Should().Be(JsonValueKind.String);
        waiting.GetProperty("journal").EnumerateArray().Count(j => j.GetProperty("requestId").GetString() == "akkoord-1").Should().Be(1);

        using var admin = await host.SignInForApiAsync();
        (await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "P12W" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await EventuallyAsync(async () =>
            (await secretary.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}")).GetProperty("status").GetString() == "Finished"))
            .Should().BeTrue("the real Hangfire server fires the timer once the offset clock passed it");
    }

    [Fact]
    public async Task Instances_are_listed_newest_first_in_pages_that_chain_through_the_cursor()
    {
        var definitionId = Definitions.UniqueId("lijst");
        await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId));
        using var secretary = host.Secretary();
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var summary = await (await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { })).Content.ReadFromJsonAsync<JsonElement>();
            started.Add(summary.GetProperty("instanceId").GetString()!);
        }

        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            var url = $"/api/instances?definitionId={definitionId}&status=Suspended&pageSize=2" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}");
            var page = await secretary.GetFromJsonAsync<JsonElement>(url);
            pages.Add(page.GetProperty("items").EnumerateArray().ToList());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        pages.Select(p => p.Count).Should().Equal(2, 2, 1);
        var listed = pages.SelectMany(p => p).ToList();
        listed.Select(i => i.GetProperty("id").GetString()).Should().BeEquivalentTo(started);
        listed.Select(i => i.GetProperty("createdAt").GetDateTimeOffset()).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task Definitions_are_listed_at_their_latest_version_and_a_version_is_read_as_its_json()
    {
        var definitionId = Definitions.UniqueId("def");
        await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId));
        using var reader = host.Secretary();

        var list = await reader.GetFromJsonAsync<JsonElement>("/api/definitions");
        var json = await reader.GetFromJsonAsync<JsonElement>($"/api/definitions/{definitionId}/versions/1");

        var item = list.EnumerateArray().Single(d => d.GetProperty("definitionId").GetString() == definitionId);
        item.GetProperty("version").GetInt32().Should().Be(1);
        item.GetProperty("isLatest").GetBoolean().Should().BeTrue();
        json.GetProperty("definitionId").GetString().Should().Be(definitionId);
        json.GetProperty("root").GetProperty("activities").GetArrayLength().Should().Be(4);
    }


    /// <summary>Polls (bounded, real time) for work the Hangfire server does in the background.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
