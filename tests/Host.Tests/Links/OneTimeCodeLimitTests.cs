using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// The one-time code for confidential documents cannot be guessed over time: 3 codes an hour and 10 in all per link,
/// 10 wrong tries per link over all its codes (checked atomically, also in parallel), then the link is locked, the
/// secretariat is mailed once, and only a secretary opens it again.
/// </summary>
public sealed partial class OneTimeCodeLimitTests(ManyPostsHostFixture host) : IClassFixture<ManyPostsHostFixture>
{
    private const string SecretaryEmail = "secretariaat@samendrenthe.example.org";
    private const string SecretaryPassword = "Proef-Wachtwoord-2026!";

    private sealed record Opened(LinkDocumentAccessTests.Started Started, LinkMail Mail, HttpClient Client, string Page);

    private async Task<Opened> OpenAsync(string title)
    {
        var started = await LinkDocumentAccessTests.StartAsync(host, title);
        var mail = started.Mails[0];
        var client = host.Anonymous();
        return new Opened(started, mail, client, WebUtility.HtmlDecode(await client.GetStringAsync(mail.Path)));
    }

    private static async Task<(HttpStatusCode Status, string Page)> PostAsync(HttpClient client, string path, string page, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page);
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private HashSet<string> CodeFiles(string to) => Directory.GetFiles(host.MailFolder, "*.eml")
        .Where(f => LinkMail.From(MimeMessage.Load(f)) is { Subject: "Uw code voor de vertrouwelijke stukken" } m && m.To == to).ToHashSet();

    /// <summary>The code mails queued for this link's member: queued before the page answers, delivered just after.</summary>
    private async Task<int> CodesQueuedAsync(Opened link) =>
        (await host.QueuedAsync("mail.code.v1", link.Started.Id)).Count(m => m.PayloadJson.Contains(link.Mail.To, StringComparison.Ordinal));

    /// <summary>Asks for a code through the page and returns the new page and the code from the one new mail.</summary>
    private async Task<(string Page, string Code)> RequestCodeAsync(Opened link, string page)
    {
        var before = CodeFiles(link.Mail.To);
        var (status, after) = await PostAsync(link.Client, link.Mail.Path + "?handler=code", page);
        status.Should().Be(HttpStatusCode.OK);
        after.Should().Contain("Er is een code van 6 cijfers gestuurd naar");

        // The outbox delivers the mail just after the page answers (real time, bounded).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!CodeFiles(link.Mail.To).Except(before).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var file = CodeFiles(link.Mail.To).Except(before).Should().ContainSingle().Subject;
        return (after, CodePattern().Match(LinkMail.From(MimeMessage.Load(file)).Text).Groups[1].Value);
    }

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    private Task<MailLink> StoredAsync(LinkMail mail) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().SingleAsync(l => l.TokenHash == LinkTokens.Hash(mail.Token)));

    private void Advance(TimeSpan by) => host.Services.GetRequiredService<OffsetTimeProvider>().Advance(by);

    /// <summary>The notices of a lock queued for the secretariat (exactly; delivered just after).</summary>
    private async Task<int> LockMailsAsync(string title) => (await host.QueuedAsync("mail.secretariaat.v1", null))
        .Select(m => System.Text.Json.Nodes.JsonNode.Parse(m.PayloadJson)!["subject"]!.GetValue<string>())
        .Count(subject => subject.StartsWith("Vertrouwelijke stukken vergrendeld", StringComparison.Ordinal) && subject.EndsWith(title, StringComparison.Ordinal));

    private async Task EnsureSecretaryAsync() => await host.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<HostUser>>();
        if (await users.FindByEmailAsync(SecretaryEmail) is not null)
        {
            return true;
        }

        var secretary = new HostUser { UserName = SecretaryEmail, Email = SecretaryEmail, DisplayName = "Bestuurssecretariaat" };
        (await users.CreateAsync(secretary, SecretaryPassword)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(secretary, Roles.Secretary)).Succeeded.Should().BeTrue();
        return true;
    });

    [Fact]
    public async Task The_fourth_code_within_an_hour_is_refused_and_sends_nothing()
    {
        var link = await OpenAsync("Drie codes per uur");
        var page = link.Page;
        for (var i = 0; i < 3; i++)
        {
            (page, _) = await RequestCodeAsync(link, page);
        }

        var before = await CodesQueuedAsync(link);
        var (status, refused) = await PostAsync(link.Client, link.Mail.Path + "?handler=code", page);

        status.Should().Be(HttpStatusCode.OK);
        refused.Should().Contain("U hebt in het afgelopen uur al 3 codes aangevraagd").And.NotContain("Er is een code van 6 cijfers gestuurd");
        (await CodesQueuedAsync(link)).Should().Be(before, "the fourth code within the hour is not sent");

        // An hour later a code can be asked for again.
        Advance(TimeSpan.FromMinutes(61));
        await RequestCodeAsync(link, refused);
        (await StoredAsync(link.Mail)).CodesSent.Should().Be(4);
        link.Client.Dispose();
    }

    [Fact]
    public async Task The_eleventh_code_for_a_link_is_refused_and_sends_nothing()
    {
        var link = await OpenAsync("Tien codes in totaal");
        var page = link.Page;
        for (var i = 0; i < 10; i++)
        {
            if (i > 0 && i % 3 == 0)
            {
                Advance(TimeSpan.FromMinutes(61));
            }

            (page, _) = await RequestCodeAsync(link, page);
        }

        Advance(TimeSpan.FromMinutes(61));
        var before = await CodesQueuedAsync(link);
        var (_, refused) = await PostAsync(link.Client, link.Mail.Path + "?handler=code", page);

        refused.Should().Contain("Voor deze link zijn al 10 codes aangevraagd").And.NotContain("Er is een code van 6 cijfers gestuurd");
        (await CodesQueuedAsync(link)).Should().Be(before).And.Be(10);
        (await StoredAsync(link.Mail)).CodesSent.Should().Be(10);
        link.Client.Dispose();
    }

    [Fact]
    public async Task Ten_wrong_tries_over_two_codes_lock_the_link_the_secretariat_is_mailed_once_and_a_secretary_opens_it_again()
    {
        await EnsureSecretaryAsync();
        const string title = "Vergrendelde link";
        var link = await OpenAsync(title);
        var path = link.Mail.Path;

        // Five wrong tries on the first code, then a new code: the count goes on (a new code does not reset it).
        var (page, first) = await RequestCodeAsync(link, link.Page);
        for (var i = 0; i < 5; i++)
        {
            (_, page) = await PostAsync(link.Client, path + "?handler=ontgrendel", page, new() { ["code"] = Wrong(first) });
            page.Should().Contain("De code klopt niet of is verlopen.");
        }

        (page, var second) = await RequestCodeAsync(link, page);
        for (var i = 0; i < 4; i++)
        {
            (_, page) = await PostAsync(link.Client, path + "?handler=ontgrendel", page, new() { ["code"] = Wrong(second) });
            page.Should().Contain("De code klopt niet of is verlopen.");
        }

        (_, page) = await PostAsync(link.Client, path + "?handler=ontgrendel", page, new() { ["code"] = Wrong(second) });
        page.Should().Contain("Er is te vaak een verkeerde code ingevoerd.").And.Contain("bestuurssecretariaat@samendrenthe.example.org");
        var locked = await StoredAsync(link.Mail);
        locked.LockedAt.Should().NotBeNull();
        locked.CodeAttempts.Should().Be(10);

        // The eleventh try is refused even with the right code; a new code is not sent; the secretariat got one mail.
        (_, page) = await PostAsync(link.Client, path + "?handler=ontgrendel", page, new() { ["code"] = second });
        page.Should().Contain("Er is te vaak een verkeerde code ingevoerd.").And.NotContain("De vertrouwelijke stukken staan nu open.");
        (await link.Client.GetAsync($"{path}/stukken/{link.Started.ConfidentialDocument}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var codesBefore = await CodesQueuedAsync(link);
        (_, page) = await PostAsync(link.Client, path + "?handler=code", page);
        page.Should().Contain("Er is te vaak een verkeerde code ingevoerd.").And.NotContain("Er is een code van 6 cijfers gestuurd");
        (await CodesQueuedAsync(link)).Should().Be(codesBefore);
        WebUtility.HtmlDecode(await link.Client.GetStringAsync(path)).Should().Contain("Er is te vaak een verkeerde code ingevoerd.")
            .And.NotContain("Stuur mij een code");
        (await LockMailsAsync(title)).Should().Be(1);

        // A secretary sees the locked link on the proposal's page and opens it again.
        using var secretary = await host.SignInAsync(SecretaryEmail, SecretaryPassword);
        var detail = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/Voorstellen/{link.Started.Id}"));
        detail.Should().Contain("Vergrendelde links").And.Contain(locked.MemberName).And.Contain("Weer openzetten");
        using var reopen = await secretary.PostAsync($"/Voorstellen/{link.Started.Id}?handler=linkOpenzetten", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(detail),
            ["activiteit"] = locked.ActivityId,
            ["ronde"] = locked.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lid"] = locked.MemberId,
        }));
        reopen.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await secretary.GetStringAsync(reopen.Headers.Location!.ToString()))
            .Should().Contain("De link is weer open").And.NotContain("Vergrendelde links");
        var reopened = await StoredAsync(link.Mail);
        reopened.LockedAt.Should().BeNull();
        reopened.CodeAttempts.Should().Be(0);
        reopened.CodesSent.Should().Be(0);
        host.Logs.Entries.Should().Contain(e => e.Message.Contains("opened again by " + SecretaryEmail, StringComparison.Ordinal));

        // A new code then works.
        page = WebUtility.HtmlDecode(await link.Client.GetStringAsync(path));
        (page, var third) = await RequestCodeAsync(link, page);
        (_, page) = await PostAsync(link.Client, path + "?handler=ontgrendel", page, new() { ["code"] = third });
        page.Should().Contain("De vertrouwelijke stukken staan nu open.");
        (await link.Client.GetAsync($"{path}/stukken/{link.Started.ConfidentialDocument}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LockMailsAsync(title)).Should().Be(1);
        link.Client.Dispose();
    }

    [Fact]
    public async Task Thirty_wrong_tries_in_parallel_check_no_more_than_ten_and_lock_once()
    {
        await EnsureSecretaryAsync();
        const string title = "Gelijktijdig raden";
        var link = await OpenAsync(title);
        var (page, code) = await RequestCodeAsync(link, link.Page);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            PostAsync(link.Client, link.Mail.Path + "?handler=ontgrendel", page, new() { ["code"] = Wrong(code) })));

        responses.Should().OnlyContain(r => r.Status == HttpStatusCode.OK);
        responses.Count(r => r.Page.Contains("De code klopt niet of is verlopen.", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(9);
        var stored = await StoredAsync(link.Mail);
        stored.CodeAttempts.Should().Be(10, "every comparison first takes one of the ten tries");
        stored.LockedAt.Should().NotBeNull();
        (await LockMailsAsync(title)).Should().Be(1);

        // The right code no longer opens anything.
        var (_, after) = await PostAsync(link.Client, link.Mail.Path + "?handler=ontgrendel", page, new() { ["code"] = code });
        after.Should().NotContain("De vertrouwelijke stukken staan nu open.");
        link.Client.Dispose();
    }

    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();
}
