using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Answers;

/// <summary>
/// One answer path: a member through the personal link, a secretary on the proposal's page on someone's behalf, and a
/// system through the API all reach the same check in the step. A refusal comes back with the same status (422) and the
/// same Dutch sentence on every channel that can make the mistake, and stores nothing.
/// </summary>
public sealed partial class OneAnswerPathTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string OnBehalf = "Telefonisch doorgegeven op 12 november.";

    private async Task<(string InstanceId, List<LinkMail> Mails)> StartWrittenAsync(string title)
    {
        var definitionId = Definitions.UniqueId("antwoord");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }"""));
        var id = await StartAsync(definitionId, title);
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Html.Contains(WebUtility.HtmlEncode(title), StringComparison.Ordinal));
        return (id, mails);
    }

    private Task<string> StartAsync(string definitionId, string title) => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new JsonObject { ["titel"] = title }, new Trigger("secretaris", Channel.Api))).InstanceId);

    private async Task<(InstanceView Instance, int Journal)> StoredAsync(string id) => await host.WithScopeAsync(async sp =>
    {
        var reader = sp.GetRequiredService<IWorkflowReader>();
        return ((await reader.GetInstanceAsync(id))!, (await reader.GetJournalAsync(id)).Count);
    });

    private async Task<string> BookmarkAsync(string id, string name, string? seat = null) =>
        (await StoredAsync(id)).Instance.Waiting().Single(w => w.Bookmark.Name == name && (seat is null || w.Bookmark.Payload?["zetel"]?.GetValue<string>() == seat)).Bookmark.Id;

    /// <summary>The secretary's form on the proposal page, posted as the browser does.</summary>
    private async Task<(HttpStatusCode Status, string Page)> PostPageAsync(string id, string bookmarkId, Dictionary<string, string> fields)
    {
        using var secretary = await host.SignInAsync();
        var path = $"/Voorstellen/{id}";
        var page = await secretary.GetStringAsync(path);
        fields["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page);
        fields["formulier"] = FormId().Match(page).Groups[1].Value;
        fields["bookmarkId"] = bookmarkId;
        var response = await secretary.PostAsync(path + "?handler=hervat", new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The same answer through the API's resume.</summary>
    private async Task<(HttpStatusCode Status, string? Detail)> PostApiAsync(string id, string bookmarkId, JsonObject input)
    {
        using var api = host.Secretary();
        var response = await api.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmarkId}/resume", new { input });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, problem?["detail"]?.GetValue<string>());
    }

    private static string ErrorOf(string page) => ErrorSummary().Match(page).Groups[1].Value.Trim();

    [Fact]
    public async Task A_choice_the_request_does_not_offer_is_refused_alike_by_link_page_and_API_and_stores_nothing()
    {
        var (id, mails) = await StartWrittenAsync("Keuze die niet bestaat");
        var roos = mails.Single(m => m.To.StartsWith("roos", StringComparison.Ordinal));
        var bookmark = await BookmarkAsync(id, "Stem", seat: "m063");
        var before = (await StoredAsync(id)).Journal;
        const string Expected = "'misschien' is geen mogelijk antwoord. Kies Voor, Tegen of Onthouding (in een koppeling: 'keuze' met voor, tegen of onthouding).";

        using var member = host.Anonymous();
        var (linkResponse, linkPage, _) = await roos.ChooseAsync(member, "misschien");
        var (pageStatus, page) = await PostPageAsync(id, bookmark, new() { ["invoer.keuze"] = "misschien", ["invoer.lid"] = "m063", ["invoer.namens"] = OnBehalf });
        var (apiStatus, detail) = await PostApiAsync(id, bookmark, new JsonObject { ["keuze"] = "misschien", ["namens"] = OnBehalf });

        linkResponse.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        ErrorOf(WebUtility.HtmlDecode(linkPage)).Should().Be(Expected);
        pageStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        ErrorOf(page).Should().Be(Expected);
        apiStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        detail.Should().Be(Expected);
        (await StoredAsync(id)).Journal.Should().Be(before, "no channel stored anything");
    }

    [Fact]
    public async Task An_answer_for_a_member_without_a_reason_is_refused_alike_by_page_and_API_and_the_link_needs_none()
    {
        // Through the personal link the member answers for themselves, so only the page and the API can make this mistake.
        var (id, mails) = await StartWrittenAsync("Namens zonder reden");
        var bookmark = await BookmarkAsync(id, "Stem", seat: "m063");
        var before = (await StoredAsync(id)).Journal;
        const string Expected = "Dit antwoord legt u vast namens een lid: geef de reden ('namens'), bijvoorbeeld: telefonisch doorgegeven op 12 november. Er is niets vastgelegd.";

        var (pageStatus, page) = await PostPageAsync(id, bookmark, new() { ["invoer.keuze"] = "voor", ["invoer.lid"] = "m063" });
        var (apiStatus, detail) = await PostApiAsync(id, bookmark, new JsonObject { ["keuze"] = "voor" });

        pageStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        ErrorOf(page).Should().Be(Expected);
        apiStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        detail.Should().Be(Expected);
        (await StoredAsync(id)).Journal.Should().Be(before);

        // With the reason the page records it, and the journal keeps who recorded it and why.
        var (recorded, _) = await PostPageAsync(id, bookmark, new() { ["invoer.keuze"] = "voor", ["invoer.lid"] = "m063", ["invoer.namens"] = OnBehalf });
        recorded.Should().Be(HttpStatusCode.Redirect);
        var vote = await host.WithScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id)).Single(j => j.Kind == "stem"));
        vote.Channel.Should().Be(Channel.Page);
        vote.Data!["namens"]!["reden"]!.GetValue<string>().Should().Be(OnBehalf);
        vote.Data["namens"]!["vastgelegdDoor"]!.GetValue<string>().Should().Be(HostFixture.AdminEmail);

        // A member's own link needs no reason.
        using var member = host.Anonymous();
        var (own, ownPage, _) = await mails.Single(m => m.To.StartsWith("sander", StringComparison.Ordinal)).ChooseAsync(member, "voor");
        own.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ownPage.Should().Contain("Uw keuze is vastgelegd.");
    }

    [Fact]
    public async Task A_meeting_outcome_before_the_meeting_is_refused_alike_by_page_and_API_and_stores_nothing()
    {
        var definitionId = Definitions.UniqueId("vergadering");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "vergadering" }"""));
        var id = await StartAsync(definitionId, "Uitkomst vóór de vergadering");
        var (instance, before) = await StoredAsync(id);
        var meeting = instance.Waiting().Single(w => w.Bookmark.Name == "Vergadering").Bookmark;
        var day = DateOnly.ParseExact(meeting.Payload!["vergadering"]!["datum"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expected = $"De vergadering van {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} is nog niet geweest: de uitkomst kan pas op of na die dag worden vastgelegd. Een besluit buiten een vergadering neemt het orgaan schriftelijk.";

        var (pageStatus, page) = await PostPageAsync(id, meeting.Id, new() { ["invoer.uitkomst"] = "vastgesteld" });
        var (apiStatus, detail) = await PostApiAsync(id, meeting.Id, new JsonObject { ["uitkomst"] = "vastgesteld" });

        pageStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        ErrorOf(page).Should().Be(expected);
        apiStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        detail.Should().Be(expected);
        (await StoredAsync(id)).Journal.Should().Be(before);
    }

    [GeneratedRegex("name=\"formulier\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormId();

    [GeneratedRegex("<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\"><h2>[^<]*</h2><p>([^<]*)</p>")]
    private static partial Regex ErrorSummary();
}
