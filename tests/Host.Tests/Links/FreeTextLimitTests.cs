using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// Every free text people post (a remark through a link, a remark or reason through the API or the secretary's page, the
/// reason to cancel) is refused above 4,000 characters with a Dutch message, and nothing is stored.
/// </summary>
public sealed class FreeTextLimitTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string TooLong = new('x', 4001);

    private async Task<(string InstanceId, List<LinkMail> Mails)> StartAsync(string title)
    {
        var definitionId = Definitions.UniqueId("tekst");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }"""));
        var started = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title }, new Trigger("secretaris", Channel.Api)));
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Html.Contains(WebUtility.HtmlEncode(title), StringComparison.Ordinal));
        return (started.InstanceId, mails);
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(instanceId));

    private async Task<InstanceView> InstanceAsync(string instanceId) => (await host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(instanceId)))!;

    [Fact]
    public async Task A_remark_over_4000_characters_through_a_link_is_refused_in_Dutch_records_nothing_and_stays_in_the_form()
    {
        var (id, mails) = await StartAsync("Lange toelichting");
        using var member = host.Anonymous();

        var (refused, page, _) = await mails[0].ChooseAsync(member, "voor", TooLong);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        page.Should().Contain("De toelichting is te lang: 4.001 tekens; ten hoogste 4.000 tekens. Er is niets vastgelegd.");
        page.Should().Contain(">" + TooLong + "</textarea>", "what the member typed is kept, to shorten it");
        (await JournalAsync(id)).Should().NotContain(j => j.Kind == "stem");

        // Exactly at the limit it is taken.
        var (accepted, _, _) = await mails[0].ChooseAsync(member, "voor", TooLong[1..]);
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await JournalAsync(id)).Should().ContainSingle(j => j.Kind == "stem");
    }

    [Fact]
    public async Task A_remark_over_the_limit_through_the_API_gets_422_in_Dutch_and_the_instance_is_unchanged()
    {
        var (id, _) = await StartAsync("Lange toelichting via de API");
        var before = await InstanceAsync(id);
        var (_, bookmark) = before.Waiting().First(w => w.Bookmark.Payload?["zetel"] is not null);
        var seat = bookmark.Payload!["zetel"]!.GetValue<string>();
        using var secretary = host.Secretary();

        using var response = await secretary.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark.Id}/resume",
            new { input = new { lid = seat, keuze = "voor", toelichting = TooLong } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("De toelichting is te lang: 4.001 tekens; ten hoogste 4.000 tekens. Er is niets vastgelegd.");
        var after = await InstanceAsync(id);
        JsonSerializer.Serialize(after).Should().Be(JsonSerializer.Serialize(before), "a refused resume stores nothing");
        (await JournalAsync(id)).Should().NotContain(j => j.Kind == "stem");
    }

    [Fact]
    public async Task A_reason_to_cancel_over_the_limit_is_refused_on_the_page_and_through_the_API()
    {
        var (id, _) = await StartAsync("Lange reden om af te breken");
        using var secretary = host.Secretary();

        using var api = await secretary.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = TooLong });
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).Should().Contain("De reden is te lang: 4.001 tekens; ten hoogste 4.000 tekens.");

        using var admin = await host.SignInAsync();
        var page = await admin.GetStringAsync($"/Voorstellen/{id}");
        using var form = await admin.PostAsync($"/Voorstellen/{id}?handler=afbreken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
            ["reden"] = TooLong,
            ["formulier"] = new string('c', 32),
        }));
        form.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()).Should().Contain("De reden is te lang: 4.001 tekens; ten hoogste 4.000 tekens.");

        (await InstanceAsync(id)).Status.Should().Be(WorkflowStatus.Suspended, "neither refusal cancelled the proposal");
        (await JournalAsync(id)).Should().NotContain(j => j.Kind == "InstanceCancelled");
    }
}
