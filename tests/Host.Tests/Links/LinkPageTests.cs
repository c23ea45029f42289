using System.Net;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// A written DB decision through personal links, on the real host with mail to its pickup folder: one mail and one
/// link per member; GET changes nothing; a POST records the choice in the journal with the channel Link; replays,
/// unknown tokens and closed rounds record nothing.
/// </summary>
public sealed class LinkPageTests(HostFixture host) : IClassFixture<HostFixture>
{

    private async Task<(string InstanceId, List<LinkMail> Mails)> StartAsync(string title)
    {
        var definitionId = Definitions.UniqueId("links");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }""", againOnRejection: true));
        var started = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new System.Text.Json.Nodes.JsonObject { ["titel"] = title, ["samenvatting"] = "Samenvatting van " + title }, new Trigger("secretaris", Channel.Api)));
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Html.Contains(System.Net.WebUtility.HtmlEncode(title), StringComparison.Ordinal));
        return (started.InstanceId, mails);
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(instanceId));

    private async Task<InstanceView> InstanceAsync(string instanceId) => (await host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(instanceId)))!;

    [Fact]
    public async Task Five_members_get_their_own_link_and_a_majority_through_the_links_closes_the_round()
    {
        var (id, mails) = await StartAsync("Inkoop jeugdgezondheidszorg");
        mails.Select(m => m.To).Should().BeEquivalentTo(
            ["roos.zijlstra@assen.example.org", "sander.kamps@emmen.example.org", "tineke.uneken@hoogeveen.example.org", "vincent.meijer@meppel.example.org", "wilma.veenstra@tynaarlo.example.org"]);
        mails.Select(m => m.Link).Should().OnlyHaveUniqueItems();
        mails.Should().OnlyContain(m => m.Subject == "Verzoek om uw stem: Inkoop jeugdgezondheidszorg");
        var roos = mails.Single(m => m.To.StartsWith("roos", StringComparison.Ordinal));
        roos.Text.Should().Contain("Beste Roos Zijlstra,").And.Contain("Het Dagelijks bestuur besluit schriftelijk over ‘Inkoop jeugdgezondheidszorg’. Wilt u uw stem uitbrengen binnen de termijn hieronder?")
            .And.Contain("(reglement van orde: schriftelijke ronde van 2 weken").And.NotContain("Atw", "a reglement's period names the reglement, also when it moved");

        // A mail scanner opens every link: nothing changes.
        var journalBefore = (await JournalAsync(id)).Count;
        using var scanner = host.Anonymous();
        foreach (var mail in mails)
        {
            var page = await scanner.GetAsync(mail.Path);
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).Should().Contain("Inkoop jeugdgezondheidszorg").And.Contain("value=\"voor\"");
        }

        (await JournalAsync(id)).Should().HaveCount(journalBefore, "a GET never changes state");

        // Three members vote for: a majority of the five seats, so the round closes at the third.
        var voters = mails.Where(m => !m.To.StartsWith("vincent", StringComparison.Ordinal) && !m.To.StartsWith("wilma", StringComparison.Ordinal)).ToList();
        foreach (var mail in voters)
        {
            using var member = host.Anonymous();
            var (response, page, _) = await mail.ChooseAsync(member, "voor", "Akkoord.");
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            page.Should().Contain("Uw keuze is vastgelegd.").And.Contain("gekozen: <strong>Voor</strong>");
        }

        (await InstanceAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        var votes = (await JournalAsync(id)).Where(j => j.Kind == "stem").ToList();
        votes.Should().HaveCount(3).And.OnlyContain(j => j.Channel == Channel.Link && j.Outcome == "voor");
        votes.Select(j => j.Actor).Should().BeEquivalentTo(["Roos Zijlstra", "Sander Kamps", "Tineke Uneken"]);

        // The two others now find the round closed, and a POST records nothing.
        foreach (var mail in mails.Except(voters))
        {
            using var member = host.Anonymous();
            var page = WebUtility.HtmlDecode(await member.GetStringAsync(mail.Path));
            page.Should().Contain("Deze ronde is gesloten.").And.NotContain("value=\"voor\"");
        }

        (await JournalAsync(id)).Count(j => j.Kind == "stem").Should().Be(3);
    }

    [Fact]
    public async Task A_replayed_post_records_nothing_new_and_a_changed_choice_counts_once_with_both_in_the_journal()
    {
        var (id, mails) = await StartAsync("Huisvesting GGD");
        var mail = mails.First();
        using var member = host.Anonymous();

        var (first, _, form) = await mail.ChooseAsync(member, "tegen");
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var replay = await member.PostAsync(mail.Path, new FormUrlEncodedContent(form));
        WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()).Should().Contain("Deze keuze was al vastgelegd.");
        (await JournalAsync(id)).Count(j => j.Kind == "stem").Should().Be(1);

        var (changed, page, _) = await mail.ChooseAsync(member, "voor");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().Contain("gekozen: <strong>Voor</strong>");
        var votes = (await JournalAsync(id)).Where(j => j.Kind == "stem").ToList();
        votes.Select(j => j.Outcome).Should().Equal("tegen", "voor");
        votes[1].Data!["eerdereKeuze"]!.GetValue<string>().Should().Be("tegen");
        var state = await InstanceAsync(id);
        state.ActivityStates["besluit"]["stemmen"]!.AsObject().Should().ContainSingle().Which.Value!["keuze"]!.GetValue<string>().Should().Be("voor");
    }

    [Fact]
    public async Task An_altered_and_a_random_token_get_the_same_plain_not_found_page()
    {
        var (_, mails) = await StartAsync("Zienswijze kaderbrief");
        var token = mails[0].Token;
        var altered = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var random = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var client = host.Anonymous();

        var pages = new List<string>();
        foreach (var path in new[] { "/verzoek/" + altered, "/verzoek/" + random, "/verzoek/kort" })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            pages.Add((await response.Content.ReadAsStringAsync()).Replace(path, "", StringComparison.Ordinal));
        }

        pages.Distinct().Should().ContainSingle("an altered, a random and a malformed token are answered alike");
        pages[0].Should().Contain("Deze link bestaat niet.").And.NotContain("Zienswijze kaderbrief");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_records_nothing()
    {
        var (id, mails) = await StartAsync("Subsidieregeling");
        using var client = host.Anonymous();
        await client.GetStringAsync(mails[0].Path);

        using var response = await client.PostAsync(mails[0].Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["keuze"] = "voor", ["formulier"] = new string('a', 32) }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JournalAsync(id)).Should().NotContain(j => j.Kind == "stem");
    }

    [Fact]
    public async Task The_sixth_post_on_one_link_within_a_minute_gets_429()
    {
        var (_, mails) = await StartAsync("Tarieven 2027");
        using var client = host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var (response, _, _) = await mails[1].ChooseAsync(client, i % 2 == 0 ? "tegen" : "onthouding");
            statuses.Add(response.StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.Redirect);
        statuses[5].Should().Be(HttpStatusCode.TooManyRequests);

        // Another member's link on the same network is not held back.
        var (other, _, _) = await mails[2].ChooseAsync(client, "tegen");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task No_table_holds_a_raw_token()
    {
        var (_, mails) = await StartAsync("Controle op tokens");

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain("MailLinks");
        foreach (var mail in mails)
        {
            foreach (var table in tables)
            {
                await using var search = connection.CreateCommand();
                var columns = new List<string>();
                search.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using (var reader = await search.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        columns.Add(reader.GetString(0));
                    }
                }

                await using var find = connection.CreateCommand();
                find.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE " + string.Join(" OR ", columns.Select(c => $"CAST(\"{c}\" AS TEXT) LIKE $token"));
                find.Parameters.AddWithValue("$token", "%" + mail.Token + "%");
                ((long)(await find.ExecuteScalarAsync())!).Should().Be(0, "table {0} must not hold the token of {1}", table, mail.To);
            }
        }
    }

    [Fact]
    public async Task A_title_with_a_script_tag_arrives_escaped_in_the_HTML_mail_and_on_the_page()
    {
        var (_, mails) = await StartAsync("Plan <script>alert(1)</script> & co");

        mails[0].Html.Should().Contain("Plan &lt;script&gt;alert(1)&lt;/script&gt; &amp; co").And.NotContain("<script>");
        using var client = host.Anonymous();
        (await client.GetStringAsync(mails[0].Path)).Should().NotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task A_link_from_an_earlier_round_says_that_round_is_closed()
    {
        var (id, mails) = await StartAsync("Herzien voorstel");

        // Three members vote against: rejected, and the step asks again (round 2) with new links.
        foreach (var mail in mails.Take(3))
        {
            using var member = host.Anonymous();
            await mail.ChooseAsync(member, "tegen");
        }

        var second = await LinkMail.InFolderAsync(host.MailFolder, 10, m => m.Html.Contains("Herzien voorstel", StringComparison.Ordinal));
        var newLinks = second.Select(m => m.Link).Except(mails.Select(m => m.Link)).ToList();
        newLinks.Should().HaveCount(5, "round 2 gives every member a new link");
        (await InstanceAsync(id)).ActivityStates["besluit"]["ronde"]!.GetValue<int>().Should().Be(2);

        using var client = host.Anonymous();
        var old = WebUtility.HtmlDecode(await client.GetStringAsync(mails[4].Path));
        old.Should().Contain("Deze link hoort bij een eerdere ronde, die gesloten is.").And.NotContain("value=\"voor\"");
        // A POST on the old link (with a valid anti-forgery token, taken from a page with a form) is refused too.
        var current = await client.GetStringAsync(new Uri(newLinks[0]).AbsolutePath);
        using var response = await client.PostAsync(mails[4].Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(current),
            ["formulier"] = new string('b', 32),
            ["keuze"] = "voor",
        }));
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("eerdere ronde");
        (await JournalAsync(id)).Count(j => j.Kind == "stem").Should().Be(3, "a POST on an earlier round's link records nothing");
    }

    [Fact]
    public async Task The_secretary_sends_an_open_request_again_with_the_same_personal_link()
    {
        var (id, mails) = await StartAsync("Opnieuw gestuurd verzoek");
        var roos = mails.Single(m => m.To == "roos.zijlstra@assen.example.org");
        using var secretary = await host.SignInAsync();
        var page = await secretary.GetStringAsync($"/Voorstellen/{id}");
        var bookmark = System.Text.RegularExpressions.Regex.Match(page,
            "name=\"bookmarkId\" value=\"([0-9a-f]{32})\">\\s*<button type=\"submit\" class=\"button button--secondary[^\"]*\" aria-label=\"Verzoek opnieuw sturen aan Roos Zijlstra\"").Groups[1].Value;
        bookmark.Should().NotBeEmpty();

        using var response = await secretary.PostAsync($"/Voorstellen/{id}?handler=opnieuwSturen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
            ["bookmarkId"] = bookmark,
        }));

        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Het verzoek is opnieuw gestuurd aan Roos Zijlstra.");
        var again = (await LinkMail.InFolderAsync(host.MailFolder, 2, m => m.To == roos.To && m.Subject == roos.Subject)).Single(m => m.MessageId != roos.MessageId);
        again.Link.Should().Be(roos.Link, "the same person, step and round keep their one link");
        again.Text.Should().Contain("Dit verzoek is u opnieuw gestuurd door het secretariaat.");
    }
}
