using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// The secretary's overview and proposal page on the real host: a P&amp;C item from preparation through the DB and the
/// AB to its end, moved on only through the page's forms, with the diagram and the overview following.
/// </summary>
public sealed partial class ProposalPagesTests(HostFixture host) : IClassFixture<HostFixture>
{

    /// <summary>A calendar whose only DB and AB meetings lie 20 and 40 days ahead, so the route does not depend on today's date.</summary>
    private async Task UseNearMeetingsAsync(params (string Body, int Days, string Time)[] meetings)
    {
        var today = host.Today;
        var calendar = NearMeetings(today, meetings.Length > 0 ? meetings : [("db", 20, "10:00"), ("ab", 40, "19:30")]);
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(calendar, "test"));
    }

    private Task<string> StartAsync(string title, string pillar = "PubliekeGezondheid") => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel", new JsonObject
        {
            ["titel"] = title, ["pijler"] = pillar, ["soort"] = "viermaandsrapportage", ["samenvatting"] = "Stand van zaken na vier maanden.",
        }, new Trigger("secretaris", Channel.Api))).InstanceId);

    private static async Task<(HttpResponseMessage Response, string Page)> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields, string? bookmarkFor = null)
    {
        fields["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page);
        fields["formulier"] = FormId().Match(page).Groups[1].Value;
        if (bookmarkFor is not null)
        {
            fields["bookmarkId"] = Regex.Match(page, $"<h3 id=\"actie-([0-9a-f]{{32}})\">[^<]*{Regex.Escape(bookmarkFor)}").Groups[1].Value;
        }

        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(response.Headers.Location!.ToString()) : await response.Content.ReadAsStringAsync();
        return (response, WebUtility.HtmlDecode(body));
    }

    private static string StateOf(string page, string step) => Regex.Match(page, $"data-stap=\"{step}\" data-toestand=\"(\\w+)\"").Groups[1].Value;

    [Fact]
    public async Task A_secretary_moves_a_proposal_from_preparation_through_DB_and_AB_on_the_pages()
    {
        var today = host.Today;
        await UseNearMeetingsAsync();
        var id = await StartAsync("Viermaandsrapportage 2027");
        using var secretary = await host.SignInAsync();

        // The overview shows it at preparation, waiting on the pillar's group.
        var overview = WebUtility.HtmlDecode(await secretary.GetStringAsync("/Voorstellen?zoek=Viermaandsrapportage"));
        overview.Should().Contain("Viermaandsrapportage 2027").And.Contain("Ambtelijke voorbereiding").And.Contain("Ambtelijke voorbereidingsgroep Publieke Gezondheid");
        WebUtility.HtmlDecode(await secretary.GetStringAsync("/Voorstellen?pijler=ZorgEnVeiligheid")).Should().NotContain("Viermaandsrapportage 2027");

        var path = $"/Voorstellen/{id}";
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync(path));
        StateOf(page, "voorbereiding").Should().Be("nu");
        StateOf(page, "besluitAb").Should().Be("nog");

        // Herzien without an explanation is refused; nothing is recorded.
        var (refused, refusedPage) = await PostAsync(secretary, path + "?handler=hervat", page, new() { ["invoer.uitkomst"] = "herzien" }, "Voorbereiding afronden");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusedPage.Should().Contain("Geef bij 'Herzien' een toelichting");

        // Ready: the DB of 20 days ahead gets it; the diagram and the overview follow.
        var (ready, afterReady) = await PostAsync(secretary, path + "?handler=hervat", refusedPage, new() { ["invoer.uitkomst"] = "gereed" }, "Voorbereiding afronden");
        ready.StatusCode.Should().Be(HttpStatusCode.Redirect);
        StateOf(afterReady, "voorbereiding").Should().Be("gedaan");
        StateOf(afterReady, "besluitDb").Should().Be("nu");
        afterReady.Should().Contain("uitkomst vastleggen");
        WebUtility.HtmlDecode(await secretary.GetStringAsync("/Voorstellen?zoek=Viermaandsrapportage")).Should().Contain("Dagelijks bestuur");

        // The DB's outcome on the day of its meeting, then the AB's with a weighted vote tally on the day of the AB's.
        // Three weeks on, the session has ended: the secretary signs in again.
        host.MoveClockTo(today.AddDays(20));
        using var atDb = await host.SignInAsync();
        var (_, afterDb) = await PostAsync(atDb, path + "?handler=hervat", WebUtility.HtmlDecode(await atDb.GetStringAsync(path)), new() { ["invoer.uitkomst"] = "vastgesteld" }, "Uitkomst van de vergadering");
        StateOf(afterDb, "besluitDb").Should().Be("gedaan");
        StateOf(afterDb, "besluitAb").Should().Be("nu");
        var abMembers = await host.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AdviesRoute.Activities.Governance.Directory.IGovernanceDirectory>().Current.Model
            .MembersOf("ab", DateOnly.FromDateTime(DateTime.UtcNow)).Where(m => m.SubstituteFor is null).Select(m => m.Id).ToList()));
        var votes = abMembers.ToDictionary(m => "stem." + m, _ => "voor");
        host.MoveClockTo(today.AddDays(40));
        using var atAb = await host.SignInAsync();
        var (_, afterAb) = await PostAsync(atAb, path + "?handler=hervat", WebUtility.HtmlDecode(await atAb.GetStringAsync(path)), votes, "Uitkomst van de vergadering");
        afterAb.Should().Contain("Vastgelegd.").And.Contain("Afgerond");

        var journal = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id));
        journal.Where(j => j.Kind == "BookmarkResumed").Should().HaveCount(3).And.OnlyContain(j => j.Channel == Channel.Page && j.Actor == HostFixture.AdminEmail);
        journal.Should().Contain(j => j.Kind == "vergaderingUitkomst" && j.Outcome == "vastgesteld" && j.Data!.ToJsonString().Contains("Aangenomen"));
    }

    [Fact]
    public async Task The_secretary_moves_an_item_to_another_meeting_with_a_reason_and_both_agendas_follow()
    {
        await UseNearMeetingsAsync(("db", 20, "10:00"), ("db", 27, "10:00"), ("ab", 40, "19:30"));
        var id = await StartAsync("Kaderbrief 2028");
        using var secretary = await host.SignInAsync();
        var path = $"/Voorstellen/{id}";
        var (_, onDb) = await PostAsync(secretary, path + "?handler=hervat", WebUtility.HtmlDecode(await secretary.GetStringAsync(path)),
            new() { ["invoer.uitkomst"] = "gereed" }, "Voorbereiding afronden");
        (await AgendaAsync(secretary, "db-proef")).Should().Contain("Kaderbrief 2028");
        onDb.Should().Contain("Naar een andere vergadering verplaatsen").And.Contain("<option value=\"db-proef-2\">").And.NotContain("<option value=\"db-proef\">");

        // Without a reason it is refused and the item stays where it was.
        var bookmark = Regex.Match(onDb, "<h3 id=\"verplaats-([0-9a-f]{32})\">").Groups[1].Value;
        var move = new Dictionary<string, string> { ["bookmarkId"] = bookmark, ["invoer.verplaatsNaar"] = "db-proef-2", ["invoer.toelichting"] = " " };
        var (refused, refusedPage) = await PostAsync(secretary, path + "?handler=hervat", onDb, move);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusedPage.Should().Contain("Geef een reden om het voorstel naar een andere vergadering te verplaatsen");
        (await AgendaAsync(secretary, "db-proef")).Should().Contain("Kaderbrief 2028");

        move["invoer.toelichting"] = "De zienswijze van de ondernemingsraad komt pas volgende week.";
        var (moved, movedPage) = await PostAsync(secretary, path + "?handler=hervat", refusedPage, move);
        moved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var day = host.Today.AddDays(27);
        movedPage.Should().Contain("Het voorstel staat op de gekozen vergadering.")
            .And.Contain($"<strong>Verplaatst naar de vergadering van Dagelijks bestuur op {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}; reden: De zienswijze van de ondernemingsraad komt pas volgende week</strong>");
        StateOf(movedPage, "besluitDb").Should().Be("nu");
        (await AgendaAsync(secretary, "db-proef")).Should().NotContain("Kaderbrief 2028");
        (await AgendaAsync(secretary, "db-proef-2")).Should().Contain("Kaderbrief 2028");
    }

    private static async Task<string> AgendaAsync(HttpClient client, string meeting) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Vergaderingen/{meeting}"));

    [Fact]
    public async Task Anonymous_visitors_go_to_the_login_and_a_process_owner_may_read_but_not_record()
    {
        var id = await StartAsync("Rechtentoets");
        using var anonymous = host.Anonymous();
        foreach (var path in new[] { "/Voorstellen", $"/Voorstellen/{id}" })
        {
            var response = await anonymous.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().Should().Contain("/Account/Login");
        }

        const string password = "Proef-Wachtwoord-2026!";
        await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var owner = new HostUser { UserName = "eigenaar@example.org", Email = "eigenaar@example.org", EmailConfirmed = true };
            (await users.CreateAsync(owner, password)).Succeeded.Should().BeTrue();
            return await users.AddToRoleAsync(owner, Roles.ProcessOwner);
        });
        using var processOwner = await host.SignInAsync("eigenaar@example.org", password);
        var page = WebUtility.HtmlDecode(await processOwner.GetStringAsync($"/Voorstellen/{id}"));
        page.Should().Contain("Rechtentoets").And.NotContain("Vastleggen", "a process owner sees no actions");

        var bookmark = await host.WithScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(id))!.AllBookmarks().Single().Id);
        using var post = await processOwner.PostAsync($"/Voorstellen/{id}?handler=hervat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
            ["bookmarkId"] = bookmark,
            ["formulier"] = new string('d', 32),
            ["invoer.uitkomst"] = "gereed",
        }));
        post.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (post.StatusCode == HttpStatusCode.Redirect)
        {
            post.Headers.Location!.ToString().Should().Contain("AccessDenied");
        }

        (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id, ["BookmarkResumed"]))).Should().BeEmpty();
    }

    [GeneratedRegex("name=\"formulier\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormId();
}
