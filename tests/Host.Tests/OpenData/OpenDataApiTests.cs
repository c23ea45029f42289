using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static AdviesRoute.Host.Tests.OpenData.OpenDataFixture;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// The open-data API on a meeting a secretariat published (<see cref="OpenDataFixture"/>): anonymous callers get the
/// meeting, its public agenda, stuk and besluitenlijst from the moment each became public, and never the besloten
/// proposal, a vertrouwelijk stuk, a stuk for one body's members, the remark or the votes per member.
/// </summary>
public sealed class OpenDataApiTests(OpenDataFixture walk) : IClassFixture<OpenDataFixture>
{
    private const string Api = "/api/openbaar/v1";

    [Fact]
    public async Task The_agenda_and_public_stuk_appear_when_the_convocation_is_sent_and_not_before()
    {
        walk.ConvocationPage.Should().Contain("De convocatie is verstuurd");
        var (before, documentBefore) = walk.BeforeConvocation;
        before["agendaPublishedAt"].Should().BeNull();
        before["agenda"]!.AsArray().Should().BeEmpty();
        before["agendaPdf"].Should().BeNull();
        documentBefore.Should().Be(HttpStatusCode.NotFound);

        var after = walk.AfterConvocation;
        after["agendaPublishedAt"].Should().NotBeNull();
        after["besluitenlijst"]!.AsArray().Should().BeEmpty("the besluitenlijst is public only once adopted");
        var item = after["agenda"]!.AsArray().Single(i => (string?)i!["title"] == OpenTitle)!;
        ((string?)item["proposalId"]).Should().Be(walk.OpenId);
        item["decisionPoints"]!.AsArray().Select(p => (string?)p).Should().ContainSingle().Which.Should().Contain(DecisionPoint);
        item["documents"]!.AsArray().Select(d => (string?)d!["title"]).Should().Equal(PublicName, WithdrawnName);
        after["agenda"]!.AsArray().Select(i => (string?)i!["title"]).Should().Contain("Opening").And.Contain("Sluiting");
    }

    [Fact]
    public async Task The_published_meeting_answers_with_its_agenda_stuk_and_adopted_besluitenlijst()
    {
        using var client = walk.Host.Anonymous();
        var meeting = await GetObjectAsync(client, $"{Api}/vergaderingen/{walk.AbMeeting}");
        ((string?)meeting["bodyId"], (string?)meeting["bodyName"], (string?)meeting["date"])
            .Should().Be(("ab", "Algemeen bestuur", walk.Day(walk.AbMeeting).ToString("yyyy-MM-dd")));
        meeting["besluitenlijstPublishedAt"].Should().NotBeNull();
        ((string?)meeting["adoption"]).Should().StartWith("Vastgesteld in de vergadering van");
        var decision = meeting["besluitenlijst"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)decision["title"], (string?)decision["outcome"]).Should().Be((OpenTitle, "vastgesteld"));
        ((string?)decision["tally"]).Should().StartWith("Aangenomen met meerderheid van de uitgebrachte stemmen: ").And.Contain(" voor, ").And.Contain(" tegen");
        ((string?)meeting["portal"]).Should().EndWith($"/openbaar/vergaderingen/{walk.AbMeeting}");
        ((string?)meeting["agendaPdf"]).Should().EndWith($"/openbaar/vergaderingen/{walk.AbMeeting}/agenda.pdf");
        ((string?)meeting["besluitenlijstPdf"]).Should().EndWith($"/openbaar/vergaderingen/{walk.AbMeeting}/besluitenlijst.pdf");

        // The stuk, on its own: every fact the Woo asks, and its download address on the portal.
        var document = await GetObjectAsync(client, $"{Api}/stukken/{walk.PublicDocument}");
        ((string?)document["title"], (string?)document["kind"], (string?)document["bodyId"], (string?)document["bodyName"], (string?)document["meetingId"])
            .Should().Be((PublicName, "vergaderstuk", "ab", "Algemeen bestuur", walk.AbMeeting));
        ((string?)document["meetingDate"], (string?)document["wooCategory"], (string?)document["contentType"], (string?)document["proposalTitle"])
            .Should().Be((walk.Day(walk.AbMeeting).ToString("yyyy-MM-dd"), "vergaderstukken decentrale overheden", "application/pdf", OpenTitle));
        document["size"]!.GetValue<long>().Should().BeGreaterThan(0);
        ((string?)document["download"]).Should().EndWith($"/openbaar/stukken/{walk.PublicDocument}/Plan%20hitte%20en%20gezondheid.pdf");
        ((string?)document["self"]).Should().EndWith($"{Api}/stukken/{walk.PublicDocument}");
        DateTimeOffset.Parse((string)document["publishedAt"]!).Offset.Should().Be(TimeSpan.Zero, "times are UTC");

        // The body lists it, and the newest publications name its agenda and its besluitenlijst.
        var bodies = await GetObjectAsync(client, $"{Api}/organen");
        bodies["items"]!.AsArray().Select(b => (string?)b!["id"]).Should().Equal("db", "ab");
        var list = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen");
        list["items"]!.AsArray().Select(m => (string?)m!["id"]).Should().Contain(walk.AbMeeting);
        var publications = await GetObjectAsync(client, $"{Api}/publicaties");
        publications["items"]!.AsArray().Where(p => (string?)p!["meetingId"] == walk.AbMeeting).Select(p => (string?)p!["kind"])
            .Should().BeEquivalentTo(["agenda", "besluitenlijst"]);
        publications["items"]!.AsArray().Select(p => (string?)p!["meeting"]).Should().Contain(m => m!.EndsWith($"{Api}/vergaderingen/{walk.AbMeeting}"));
    }

    [Fact]
    public async Task Nothing_besloten_vertrouwelijk_for_one_body_a_remark_or_a_vote_per_member_is_in_any_answer()
    {
        using var client = walk.Host.Anonymous();
        var answers = new List<string>();
        foreach (var path in new[]
        {
            Api, $"{Api}/organen", $"{Api}/organen/ab/vergaderingen?pageSize=100", $"{Api}/organen/db/vergaderingen?pageSize=100",
            $"{Api}/vergaderingen/{walk.AbMeeting}", $"{Api}/vergaderingen/{walk.NextAbMeeting}", $"{Api}/stukken/{walk.PublicDocument}", $"{Api}/publicaties?limit=100",
        })
        {
            answers.Add(await client.GetStringAsync(path));
        }

        var all = string.Join("\n", answers);
        all.Should().Contain(OpenTitle).And.Contain(PublicName);
        all.Should().NotContainAny(ClosedTitle, ClosedName, ConfidentialName, ForAbName, Remark, walk.ClosedId, walk.ConfidentialDocument, walk.ForAbDocument, walk.ClosedDocument);
        all.Should().NotContainAny(walk.Voters, "the votes per member stay out: only the count sentence is public");

        foreach (var hidden in new[] { walk.ConfidentialDocument, walk.ForAbDocument, walk.ClosedDocument })
        {
            using var response = await client.GetAsync($"{Api}/stukken/{hidden}");
            await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, $"Er is geen openbaar stuk met het kenmerk '{hidden}'.");
        }
    }

    [Fact]
    public async Task A_withdrawn_stuk_is_gone_with_the_day_and_reason_and_the_meeting_says_what_was_withdrawn()
    {
        using var client = walk.Host.Anonymous();
        using var response = await client.GetAsync($"{Api}/stukken/{walk.WithdrawnDocument}");
        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.Gone,
            $"Het stuk '{WithdrawnName}' is op {AdviesRoute.Activities.Texts.DutchFormat.Day(walk.WithdrawnOn)} teruggetrokken: {WithdrawalReason}");
        ((string?)problem["title"], (string?)problem["reason"]).Should().Be(("Teruggetrokken", WithdrawalReason));

        var meeting = await GetObjectAsync(client, $"{Api}/vergaderingen/{walk.AbMeeting}");
        meeting["agenda"]!.AsArray().SelectMany(i => i!["documents"]!.AsArray()).Select(d => (string?)d!["title"]).Should().Equal(PublicName);
        var withdrawal = meeting["withdrawals"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)withdrawal["kind"], (string?)withdrawal["what"], (string?)withdrawal["documentId"], (string?)withdrawal["reason"])
            .Should().Be(("stuk", WithdrawnName, walk.WithdrawnDocument, WithdrawalReason));
    }

    [Theory]
    [InlineData("/organen/bac-pg/vergaderingen", "Er is geen orgaan met het kenmerk 'bac-pg' dat iets openbaar maakt.")]
    [InlineData("/organen/onbekend/vergaderingen", "Er is geen orgaan met het kenmerk 'onbekend' dat iets openbaar maakt.")]
    [InlineData("/vergaderingen/bac-pg-2027-02-24", "Er is geen vergadering met het kenmerk 'bac-pg-2027-02-24' van een orgaan dat iets openbaar maakt.")]
    [InlineData("/vergaderingen/ab-1999-01-01", "Er is geen vergadering met het kenmerk 'ab-1999-01-01' van een orgaan dat iets openbaar maakt.")]
    [InlineData("/stukken/0123456789abcdef0123456789abcdef", "Er is geen openbaar stuk met het kenmerk '0123456789abcdef0123456789abcdef'.")]
    [InlineData("/besluiten", "De open-data-API kent het adres 'besluiten' niet. Welke adressen er zijn, staat in /openapi/openbaar.json.")]
    public async Task An_unknown_or_non_public_id_is_answered_404_in_Dutch(string path, string detail)
    {
        using var client = walk.Host.Anonymous();
        using var response = await client.GetAsync(Api + path);
        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, detail);
    }

    [Theory]
    [InlineData("/organen/ab/vergaderingen?year=27", "year", "geef een jaartal van vier cijfers, bijvoorbeeld 2027; ontvangen: '27'.")]
    [InlineData("/organen/ab/vergaderingen?from=14-04-2027", "from", "geef een datum als JJJJ-MM-DD, bijvoorbeeld 2027-04-14; ontvangen: '14-04-2027'.")]
    [InlineData("/organen/ab/vergaderingen?from=2027-05-01&to=2027-04-01", "to", "de einddatum ligt vóór de begindatum (from).")]
    [InlineData("/organen/ab/vergaderingen?page=0", "page", "geef een heel getal van 1 of meer; ontvangen: '0'.")]
    [InlineData("/organen/ab/vergaderingen?pageSize=1000", "pageSize", "geef een heel getal van 1 tot en met 100; ontvangen: '1000'.")]
    [InlineData("/publicaties?limit=veel", "limit", "geef een heel getal van 1 tot en met 100; ontvangen: 'veel'.")]
    public async Task A_bad_query_value_is_answered_400_naming_the_parameter(string path, string parameter, string message)
    {
        using var client = walk.Host.Anonymous();
        using var response = await client.GetAsync(Api + path);
        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, $"De parameter '{parameter}' klopt niet: {message}");
        problem["errors"]![parameter]!.AsArray().Select(e => (string?)e).Should().Equal(message);
    }

    [Fact]
    public async Task Meetings_are_filtered_by_year_and_dates_and_paged_with_links_to_the_next_and_previous_page()
    {
        using var client = walk.Host.Anonymous();
        var all = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen?pageSize=100");
        var ids = all["items"]!.AsArray().Select(m => (string)m!["id"]!).ToList();
        ids.Should().Contain([walk.AbMeeting, walk.NextAbMeeting]);
        var dates = all["items"]!.AsArray().Select(m => DateOnly.Parse((string)m!["date"]!)).ToList();
        dates.Should().BeInDescendingOrder("newest first");

        var first = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen?pageSize=1");
        (first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>(), first["totalItems"]!.GetValue<int>(), first["totalPages"]!.GetValue<int>())
            .Should().Be((1, 1, ids.Count, ids.Count));
        first["previous"].Should().BeNull();
        var second = await GetObjectAsync(client, new Uri((string)first["next"]!).PathAndQuery);
        second["items"]!.AsArray().Select(m => (string?)m!["id"]).Should().Equal(ids[1]);
        new Uri((string)second["previous"]!).PathAndQuery.Should().Be($"{Api}/organen/ab/vergaderingen?page=1&pageSize=1");

        var day = walk.Day(walk.AbMeeting).ToString("yyyy-MM-dd");
        var onDay = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen?from={day}&to={day}");
        onDay["items"]!.AsArray().Select(m => (string?)m!["id"]).Should().Equal(walk.AbMeeting);
        var year = walk.Day(walk.AbMeeting).Year;
        var inYear = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen?year={year}&pageSize=100");
        inYear["items"]!.AsArray().Select(m => DateOnly.Parse((string)m!["date"]!).Year).Should().OnlyContain(y => y == year).And.NotBeEmpty();
        var none = await GetObjectAsync(client, $"{Api}/organen/ab/vergaderingen?year=1999");
        (none["items"]!.AsArray().Count, none["totalItems"]!.GetValue<int>(), none["totalPages"]!.GetValue<int>()).Should().Be((0, 0, 1));
    }

    [Fact]
    public async Task An_answer_carries_an_etag_and_a_request_with_it_gets_304_while_nothing_changed()
    {
        using var client = walk.Host.Anonymous();
        using var first = await client.GetAsync($"{Api}/vergaderingen/{walk.AbMeeting}");
        first.Headers.ETag.Should().NotBeNull();
        first.Content.Headers.LastModified.Should().NotBeNull("the meeting knows when it was last published");
        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.GetValues("API-Version").Should().Equal("1.0.0");
        first.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Api}/vergaderingen/{walk.AbMeeting}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var other = new HttpRequestMessage(HttpMethod.Get, $"{Api}/vergaderingen/{walk.AbMeeting}");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"iets-anders\""));
        (await client.SendAsync(other)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>The answer is problem details (application/problem+json) with this status, title in Dutch and this detail.</summary>
    internal static async Task<JsonObject> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(text)!.AsObject();
        ((int?)problem["status"]).Should().Be((int)status);
        ((string?)problem["detail"]).Should().Be(detail);
        return problem;
    }
}
