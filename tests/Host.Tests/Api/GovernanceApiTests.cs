using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Tests.Support;

using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>
/// The governance model and the jaarkalender through the API, on a host of their own: read by those who read
/// workflows, changed by process owners and administrators, every refused document a 400 naming each error's JSON
/// path and leaving the stored version as it was; the .ics feed open to calendar apps.
/// </summary>
public sealed class GovernanceApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Invalid = "Ongeldige bestuursgegevens";

    [Fact]
    public async Task Reading_the_governance_needs_a_caller()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/api/governance");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_secretary_reads_the_seeded_governance_but_may_not_change_it()
    {
        using var client = host.Secretary();
        var before = await VersionsAsync();

        var governance = await client.GetFromJsonAsync<JsonElement>("/api/governance");
        using var put = await PutJsonAsync(client, "/api/governance", DemoGovernance.Json());
        using var calendar = await PutJsonAsync(client, "/api/jaarkalender", JaarkalenderSeed.DemoJson());
        using var member = await client.PostAsync("/api/governance/members", Json(Successor().ToJsonString()));

        governance.GetProperty("version").GetInt64().Should().BeGreaterThanOrEqualTo(1);
        governance.GetProperty("document").GetProperty("municipalities").GetArrayLength().Should().Be(12);
        put.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        calendar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        member.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await VersionsAsync()).Should().Be(before);
    }

    public static TheoryData<string, string, string, string> RefusedDocuments => new()
    {
        { "a member without email", "/api/governance", Seed(s => s["members"]![3]!.AsObject().Remove("email")), "$.members[3].email" },
        { "a duplicate municipality", "/api/governance", Seed(s => s["municipalities"]!.AsArray().Add(new JsonObject { ["id"] = "assen-2", ["name"] = "Assen" })), "$.municipalities[12]" },
        { "removing a body that still has meetings", "/api/governance", WithoutBody("bnt-zv"), "$.bodies" },
        { "malformed JSON", "/api/governance", "{ \"municipalities\": [", "$.municipalities[0]" },
        { "a meeting on an impossible date", "/api/jaarkalender", CalendarJson(k => k["meetings"]![0]!["date"] = "2026-02-30"), "$.meetings[0].date" },
        { "a meeting of an unknown body", "/api/jaarkalender", CalendarJson(k => k["meetings"]![0]!["body"] = "raad-groningen"), "$.meetings[0].body" },
    };

    [Theory]
    [MemberData(nameof(RefusedDocuments))]
    public async Task A_refused_document_is_a_400_with_the_path_of_each_error_and_stores_nothing(string why, string url, string json, string path)
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();

        using var response = await PutJsonAsync(client, url, json);

        (await ErrorsAsync(response)).Select(e => e.Path).Should().Contain(path, why);
        (await VersionsAsync()).Should().Be(before, "a refused document stores nothing");
    }

    [Fact]
    public async Task A_refused_member_is_a_400_with_paths_into_the_member_and_stores_nothing()
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();
        var member = Successor();
        member.Remove("email");
        member["from"] = "2027-02-30";

        using var response = await client.PostAsync("/api/governance/members", Json(member.ToJsonString()));

        (await ErrorsAsync(response)).Should().ContainSingle(e => e.Path == "$.from" && e.Code == "MalformedJson");
        (await VersionsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_member_without_email_is_refused_with_its_path()
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();
        var member = Member("m028");
        member.Remove("email");

        using var response = await client.PutAsync("/api/governance/members/m028", Json(member.ToJsonString()));

        var errors = await ErrorsAsync(response);
        errors.Should().ContainSingle().Which.Should().Be(new Error("$.email", "InvalidGovernance",
            "Jolanda Dijkstra heeft geen geldig e-mailadres; zonder adres kan geen verzoek worden verstuurd."));
        (await VersionsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Changing_a_member_that_does_not_exist_is_a_404()
    {
        using var client = host.ProcessOwner();

        using var response = await client.PutAsync("/api/governance/members/m999", Json(Successor().ToJsonString()));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("Lid 'm999' bestaat niet.");
    }

    [Fact]
    public async Task A_process_owner_replaces_the_model_and_the_new_version_shows_with_its_actor()
    {
        using var client = host.ProcessOwner();
        var current = await client.GetFromJsonAsync<JsonElement>("/api/governance");
        var document = JsonNode.Parse(current.GetProperty("document").GetRawText())!.AsObject();
        // A process owner may change anything but an address (that needs an administrator: see AddressChangeTests).
        document["members"]!.AsArray().Single(m => (string?)m!["id"] == "m001")!["name"] = "A. Bakker-Smit";

        using var response = await PutJsonAsync(client, "/api/governance", document.ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        version.Should().Be(current.GetProperty("version").GetInt64() + 1);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/governance");
        after.GetProperty("version").GetInt64().Should().Be(version);
        after.GetProperty("changedBy").GetString().Should().Be(HostFixture.ProcessOwnerKeyName);
        after.GetProperty("document").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "m001")
            .GetProperty("name").GetString().Should().Be("A. Bakker-Smit");
        var history = await client.GetFromJsonAsync<JsonElement>("/api/governance/history?kind=bestuur");
        var newest = history[0];
        (newest.GetProperty("version").GetInt64(), newest.GetProperty("changedBy").GetString(), newest.GetProperty("change").GetString())
            .Should().Be((version, HostFixture.ProcessOwnerKeyName, "leden gewijzigd: m001"));
        newest.TryGetProperty("document", out _).Should().BeFalse("the history lists versions, not documents");
    }

    [Fact]
    public async Task Ending_a_term_and_adding_the_successor_are_two_versions()
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();
        var ending = Member("m031");
        ending["to"] = "2026-12-31";
        var successor = Successor();
        successor["id"] = "m901";
        successor["municipality"] = "assen";
        successor["email"] = "p.jansen@assen.example.org";

        using var changed = await client.PutAsync("/api/governance/members/m031", Json(ending.ToJsonString()));
        using var added = await client.PostAsync("/api/governance/members", Json(successor.ToJsonString()));

        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        added.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("version").GetInt64(), body.GetProperty("memberId").GetString()).Should().Be((before.Model + 2, "m901"));
        var history = await client.GetFromJsonAsync<JsonElement>("/api/governance/history?kind=bestuur");
        history.EnumerateArray().Take(2).Select(v => v.GetProperty("change").GetString()).Should().Equal(
            "lid m901 (Marieke Smit) toegevoegd aan ab", "lid m031 (Nathalie Bakker) gewijzigd: to");
    }

    [Fact]
    public async Task The_meetings_of_a_body_carry_their_documents_deadline()
    {
        using var client = host.Secretary();

        var meetings = await client.GetFromJsonAsync<JsonElement>("/api/jaarkalender/bodies/ab/meetings");

        meetings.GetProperty("bodyName").GetString().Should().Be("Algemeen bestuur");
        var april = meetings.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "ab-2026-04-15");
        april.GetProperty("documentsDeadline").GetProperty("date").GetString().Should().Be("2026-03-30");
        april.GetProperty("documentsDeadline").GetProperty("display").GetString()
            .Should().Be("uiterlijk 30 maart 2026 (reglement van orde: stukken 10 werkdagen vóór de vergadering)");
    }

    [Fact]
    public async Task The_meetings_of_an_unknown_body_are_a_404()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/jaarkalender/bodies/raad-groningen/meetings");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_process_owner_moves_a_meeting_and_the_feed_follows()
    {
        using var client = host.ProcessOwner();
        var current = await client.GetFromJsonAsync<JsonElement>("/api/jaarkalender");
        var document = JsonNode.Parse(current.GetProperty("document").GetRawText())!.AsObject();
        document["meetings"]!.AsArray().Single(m => (string?)m!["id"] == "db-2026-05-20")!["place"] = "Gemeentehuis Emmen";

        using var response = await PutJsonAsync(client, "/api/jaarkalender", document.ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64().Should().Be(current.GetProperty("version").GetInt64() + 1);
        using var anonymous = host.Anonymous();
        var feed = Ical.Net.Calendar.Load(await anonymous.GetStringAsync("/kalender/db.ics"))!;
        feed.Events.Single(e => e.Uid == "db-2026-05-20@adviesroute").Location.Should().Be("Gemeentehuis Emmen");
    }

    [Fact]
    public async Task The_ics_feed_of_the_ab_is_anonymous_with_an_event_per_meeting()
    {
        using var secretary = host.Secretary();
        var meetings = await secretary.GetFromJsonAsync<JsonElement>("/api/jaarkalender/bodies/ab/meetings");
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/kalender/ab.ics");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/calendar; charset=utf-8");
        var feed = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        feed.Events.Select(e => e.Uid).Should().BeEquivalentTo(
            meetings.GetProperty("meetings").EnumerateArray().Select(m => $"{m.GetProperty("id").GetString()}@adviesroute"));
        feed.Events.Should().HaveCount(12);
        feed.Events.Should().OnlyContain(e => e.Summary == "Algemeen bestuur");
    }

    [Fact]
    public async Task The_ics_feed_of_an_unknown_body_is_a_404_in_dutch()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/kalender/raad-groningen.ics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be("Orgaan 'raad-groningen' bestaat niet; er is geen kalender voor.");
    }

    [Fact]
    public async Task Reading_the_model_and_the_jaarkalender_gives_the_version_as_etag()
    {
        using var client = host.Secretary();

        using var governance = await client.GetAsync("/api/governance");
        using var calendar = await client.GetAsync("/api/jaarkalender");

        governance.Headers.ETag!.Tag.Should().Be($"\"{(await governance.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64()}\"");
        calendar.Headers.ETag!.Tag.Should().Be($"\"{(await calendar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64()}\"");
        governance.Headers.ETag.IsWeak.Should().BeFalse();
    }

    [Fact]
    public async Task Two_owners_editing_from_the_same_get_the_second_gets_a_412_and_stores_nothing()
    {
        using var client = host.ProcessOwner();
        using var read = await client.GetAsync("/api/governance");
        var etag = read.Headers.ETag!.Tag;
        var current = await read.Content.ReadFromJsonAsync<JsonElement>();
        var first = ModelWithName(current, "m002", "Eerste Eigenaar");
        var second = ModelWithName(current, "m003", "Tweede Eigenaar");

        using var won = await SendAsync(client, HttpMethod.Put, "/api/governance", first, etag);
        using var lost = await SendAsync(client, HttpMethod.Put, "/api/governance", second, etag);

        won.StatusCode.Should().Be(HttpStatusCode.OK);
        var version = current.GetProperty("version").GetInt64() + 1;
        won.Headers.ETag!.Tag.Should().Be($"\"{version}\"");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/governance");
        var problem = await ConflictAsync(lost);
        problem.GetProperty("detail").GetString().Should().Be(
            $"Het bestuursmodel is intussen gewijzigd (nu versie {version}, door {HostFixture.ProcessOwnerKeyName} op {Amsterdam(after)}); "
            + "haal het opnieuw op en breng uw wijziging opnieuw aan.");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(version);
        after.GetProperty("version").GetInt64().Should().Be(version, "the stale change stored nothing");
        NameOf(after, "m002").Should().Be("Eerste Eigenaar");
        NameOf(after, "m003").Should().NotBe("Tweede Eigenaar");
    }

    [Fact]
    public async Task A_change_with_the_current_if_match_is_stored_and_answers_the_new_etag()
    {
        using var client = host.ProcessOwner();
        using var read = await client.GetAsync("/api/governance");
        var current = await read.Content.ReadFromJsonAsync<JsonElement>();
        var version = current.GetProperty("version").GetInt64();
        using var readCalendar = await client.GetAsync("/api/jaarkalender");
        var calendar = JsonNode.Parse((await readCalendar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("document").GetRawText())!.AsObject();
        var calendarVersion = long.Parse(readCalendar.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        calendar["meetings"]!.AsArray().Single(m => (string?)m!["id"] == "db-2026-05-20")!["note"] = "met de begroting";

        using var model = await SendAsync(client, HttpMethod.Put, "/api/governance", ModelWithName(current, "m004", "Vierde Lid"), read.Headers.ETag!.Tag);
        using var member = await SendAsync(client, HttpMethod.Put, "/api/governance/members/m005",
            Member("m005").ToJsonString(), version.ToString(System.Globalization.CultureInfo.InvariantCulture) /* a bare N */);
        using var kalender = await SendAsync(client, HttpMethod.Put, "/api/jaarkalender", calendar.ToJsonString(), readCalendar.Headers.ETag!.Tag);

        model.StatusCode.Should().Be(HttpStatusCode.OK);
        model.Headers.ETag!.Tag.Should().Be($"\"{version + 1}\"");
        (await ConflictAsync(member)).GetProperty("currentVersion").GetInt64().Should().Be(version + 1, "the member change was based on the old version");
        kalender.StatusCode.Should().Be(HttpStatusCode.OK);
        kalender.Headers.ETag!.Tag.Should().Be($"\"{calendarVersion + 1}\"");
        (await VersionsAsync()).Should().Be((version + 1, calendarVersion + 1));
    }

    [Fact]
    public async Task Without_if_match_or_with_a_star_the_last_writer_wins()
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();
        var ending = Member("m006");
        ending["to"] = "2027-06-30";
        var back = Member("m006");

        using var changed = await SendAsync(client, HttpMethod.Put, "/api/governance/members/m006", ending.ToJsonString(), ifMatch: null);
        using var restored = await SendAsync(client, HttpMethod.Put, "/api/governance/members/m006", back.ToJsonString(), "*");

        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        restored.StatusCode.Should().Be(HttpStatusCode.OK);
        restored.Headers.ETag!.Tag.Should().Be($"\"{before.Model + 2}\"");
        (await VersionsAsync()).Should().Be((before.Model + 2, before.Calendar));
    }

    [Theory]
    [InlineData("/api/governance")]
    [InlineData("/api/jaarkalender")]
    public async Task An_if_match_that_is_not_a_version_is_a_400_and_stores_nothing(string url)
    {
        using var client = host.ProcessOwner();
        var before = await VersionsAsync();
        var json = url == "/api/governance" ? Seed(s => s["members"]![7]!["email"] = "achtste.lid@example.org") : CalendarJson(k => k["meetings"]![1]!["note"] = "verplaatst");

        using var response = await SendAsync(client, HttpMethod.Put, url, json, "W/\"abc\"");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Ongeldig verzoek");
        problem.GetProperty("detail").GetString().Should().StartWith("If-Match 'W/\"abc\"' is geen versienummer");
        (await VersionsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Adding_a_member_with_a_stale_if_match_is_a_412_and_stores_nothing()
    {
        using var client = host.ProcessOwner();
        using var read = await client.GetAsync("/api/governance");
        var etag = read.Headers.ETag!.Tag;
        var ending = Member("m007");
        ending["to"] = "2027-03-31";
        using var changed = await client.PutAsync("/api/governance/members/m007", Json(ending.ToJsonString()));
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await VersionsAsync();
        var successor = Successor();
        successor["id"] = "m907";

        using var added = await SendAsync(client, HttpMethod.Post, "/api/governance/members", successor.ToJsonString(), etag);

        var problem = await ConflictAsync(added);
        problem.GetProperty("detail").GetString().Should().StartWith($"Het bestuursmodel is intussen gewijzigd (nu versie {before.Model}, door {HostFixture.ProcessOwnerKeyName} op ");
        (await VersionsAsync()).Should().Be(before);
        (await client.GetFromJsonAsync<JsonElement>("/api/governance")).GetProperty("document").GetProperty("members").EnumerateArray()
            .Should().NotContain(m => m.GetProperty("id").GetString() == "m907");
    }

    private static string ModelWithName(JsonElement current, string memberId, string name)
    {
        var document = JsonNode.Parse(current.GetProperty("document").GetRawText())!.AsObject();
        document["members"]!.AsArray().Single(m => (string?)m!["id"] == memberId)!["name"] = name;
        return document.ToJsonString();
    }

    private static string? NameOf(JsonElement governance, string memberId) =>
        governance.GetProperty("document").GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == memberId).GetProperty("name").GetString();

    /// <summary>When a version was stored, as the 412 names it: Amsterdam time in words, "1 september 2026 om 10:00".</summary>
    private static string Amsterdam(JsonElement stored)
    {
        var local = TimeZoneInfo.ConvertTime(stored.GetProperty("changedAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        return local.ToString("d MMMM yyyy", dutch) + " om " + local.ToString("HH:mm", dutch);
    }

    private static async Task<JsonElement> ConflictAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Gewijzigd door een ander");
        return problem;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, url) { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private sealed record Error(string Path, string Code, string Message);

    private static async Task<List<Error>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be(Invalid);
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => new Error(e.GetProperty("path").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();
    }

    /// <summary>The stored versions as a GET shows them.</summary>
    private async Task<(long Model, long Calendar)> VersionsAsync()
    {
        using var client = host.Secretary();
        var model = await client.GetFromJsonAsync<JsonElement>("/api/governance");
        var calendar = await client.GetFromJsonAsync<JsonElement>("/api/jaarkalender");
        return (model.GetProperty("version").GetInt64(), calendar.GetProperty("version").GetInt64());
    }

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, string json) => client.PutAsync(url, Json(json));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

}
