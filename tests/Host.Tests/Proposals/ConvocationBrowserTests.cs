using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Language;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// One invitation per meeting, as a secretary and the members see it, through Chromium and a real SMTP server (maildev):
/// two proposals on the DB of 20 January 2027 send the members nothing until the secretary, from the convocation's
/// preview, sends the convocation; each member then holds one invitation with both items; a third proposal added later
/// updates it (same UID, higher SEQUENCE). The meetings list shows the counts and the state throughout. The walk runs
/// once for the class (<see cref="ConvocationWalk"/>); each test checks one part of it.
/// </summary>
public sealed class ConvocationBrowserTests(ConvocationWalk walk) : IClassFixture<ConvocationWalk>
{
    [Fact]
    public void Two_proposals_on_one_meeting_give_each_member_one_invitation_holding_both_items()
    {
        walk.Reached("convocation");
        walk.MemberMailsBeforeConvocation.Should().BeEmpty("a member gets no mail per item before the convocation");
        walk.Convocations.Should().HaveCount(walk.Members.Count).And.HaveCount(5);
        walk.Convocations.Select(c => c.To).Should().BeEquivalentTo(walk.Members, "each member gets exactly one convocation");
        foreach (var mail in walk.Convocations)
        {
            mail.Invitations.Should().ContainSingle("one .ics per meeting, whatever the number of items");
            var invitation = mail.Invitations[0];
            invitation.Method.Should().Be("REQUEST");
            invitation.Event.Uid.Should().Be($"{walk.MeetingId}@adviesroute");
            invitation.Event.Sequence.Should().Be(0);
            invitation.Event.Description.Should().Contain(ConvocationWalk.First).And.Contain(ConvocationWalk.Second).And.NotContain(ConvocationWalk.Third);
            invitation.Event.Start!.TzId.Should().Be("Europe/Amsterdam");
            invitation.Event.Start.Value.Should().Be(new DateTime(2027, 1, 20, 10, 0, 0));
        }
    }

    [Fact]
    public void A_third_proposal_added_later_updates_the_same_invitation_with_a_higher_sequence_and_all_items()
    {
        walk.Reached("update");
        walk.Updates.Select(c => c.To).Should().BeEquivalentTo(walk.Members, "each member gets one update");
        foreach (var mail in walk.Updates)
        {
            mail.Subject.Should().Be("Aanvulling agenda Dagelijks bestuur 20 januari 2027");
            var invitation = mail.Invitations.Should().ContainSingle().Subject;
            invitation.Event.Uid.Should().Be($"{walk.MeetingId}@adviesroute", "the update replaces the event the convocation put in the calendar");
            invitation.Event.Sequence.Should().Be(1);
            invitation.Event.Description.Should().Contain(ConvocationWalk.First).And.Contain(ConvocationWalk.Second).And.Contain(ConvocationWalk.Third);
        }

        walk.MailsPerMemberInTheEnd.Values.Should().AllBeEquivalentTo(2, "a member gets the convocation and one update, no mail per item");
    }

    [Fact]
    public void The_preview_shows_the_mail_that_is_sent_its_attachments_with_their_sizes_and_the_recipients()
    {
        walk.Reached("convocation");
        var preview = walk.Preview;
        var mail = walk.Convocations.Single(c => c.To == walk.Members[0]);
        preview.Should().Contain("Onderwerp: " + mail.Subject);
        preview.Should().Contain($"Aan: {walk.MemberNames[0]} <{walk.Members[0]}>");

        // Every line of the member's mail as a mail program shows its HTML (greeting, invitation, agenda, stukken,
        // closing, footer) is on the preview, in the same order; only the sender's name above the mail is not.
        var lines = ConvocationWalk.Lines(walk.ConvocationAsShown).Skip(1).ToList();
        lines.Should().Contain("Agenda").And.Contain(l => l.Contains(ConvocationWalk.First, StringComparison.Ordinal)).And.HaveCountGreaterThan(6);
        var at = 0;
        foreach (var line in lines)
        {
            var found = preview.IndexOf(line, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, "the preview shows the line '{0}' of the mail as sent, in its place", line);
            at = found + line.Length;
        }

        // The attachments as the mail carries them, with their sizes; the recipients, all five.
        mail.Attachments.Select(a => a.Name).Should().Equal("rapportage.pdf", "uitnodiging.ics");
        preview.Should().Contain("rapportage.pdf\tOpenbaar stuk\t2,9 kB").And.Contain("uitnodiging.ics\tUitnodiging voor de eigen agenda: één afspraak met de hele agenda (2 agendapunten)");
        mail.Attachments[0].Size.Should().Be(3000);
        preview.Should().Contain("Ontvangers (5 leden)");
        foreach (var (address, name) in walk.Members.Zip(walk.MemberNames))
        {
            preview.Should().Contain($"{name}\t{address}");
        }

        walk.SentMessage.Should().Be("De convocatie is verstuurd aan 5 leden.");
    }

    [Fact]
    public void The_meetings_list_shows_each_meetings_items_and_its_convocation_state()
    {
        walk.Reached("update");
        walk.ListBefore.Should().Contain("2 agendapunten").And.Contain("Nog niet verstuurd");
        walk.ListAfterConvocation.Should().Contain("2 agendapunten").And.Contain($"Verstuurd op 4 januari 2027 door {HostFixture.AdminEmail}")
            .And.NotContain("Bijgewerkt na verzending");
        walk.ListAfterUpdate.Should().Contain("3 agendapunten").And.Contain($"Verstuurd op 4 januari 2027 door {HostFixture.AdminEmail}")
            .And.Contain("Bijgewerkt na verzending: 1 aanvulling, de laatste op 4 januari 2027").And.NotContain("Agenda gewijzigd na verzending");
    }
}

/// <summary>The host on a loopback port with maildev as its SMTP server and the Testing clock at Monday 4 January 2027, 09:00.</summary>
public sealed class ConvocationHost(MaildevServer maildev) : HostFixture(folder: null, environment: "Testing", adminPassword: AdminPassword)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", LanguageHost.StartsAt);
        builder.UseSetting("Mail:Smtp:Host", MaildevServer.Host);
        builder.UseSetting("Mail:Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
    }
}

/// <summary>A mail as it arrived in maildev, with its calendar invitations parsed by Ical.Net.</summary>
public sealed record ArrivedMail(string To, string Subject, string Text, string Html, IReadOnlyList<(string Name, long Size)> Attachments,
    IReadOnlyList<(string Method, CalendarEvent Event)> Invitations);

/// <summary>The walk of <see cref="ConvocationBrowserTests"/>, once, with screenshots in <c>screenshots/convocatie/</c>.</summary>
public sealed class ConvocationWalk : IAsyncLifetime
{
    public const string First = "Rapportage eerste vier maanden 2027";
    public const string Second = "Aanpassing tarieven jeugdgezondheidszorg";
    public const string Third = "Huisvesting van het regionaal archief";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly MaildevServer _maildev = new();
    private ConvocationHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private WalkParts? _parts;

    public static string Folder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "convocatie");

    public string MeetingId { get; private set; } = "";

    public IReadOnlyList<string> Members { get; private set; } = [];

    public IReadOnlyList<string> MemberNames { get; private set; } = [];

    public IReadOnlyList<string> MemberMailsBeforeConvocation { get; private set; } = [];

    public IReadOnlyList<ArrivedMail> Convocations { get; private set; } = [];

    public IReadOnlyList<ArrivedMail> Updates { get; private set; } = [];

    public IReadOnlyDictionary<string, int> MailsPerMemberInTheEnd { get; private set; } = new Dictionary<string, int>();

    /// <summary>The preview page's text (table cells separated by tabs) before sending.</summary>
    public string Preview { get; private set; } = "";

    public string SentMessage { get; private set; } = "";

    /// <summary>The text of the first member's convocation as a mail program shows its HTML.</summary>
    public string ConvocationAsShown { get; private set; } = "";

    public string ListBefore { get; private set; } = "";

    public string ListAfterConvocation { get; private set; } = "";

    public string ListAfterUpdate { get; private set; } = "";

    private ConvocationHost Host => _host!;

    private IPage Page => _page!;

    /// <summary>Throws with the error of the part that stopped the walk before <paramref name="part"/> was reached.</summary>
    public void Reached(string part) => Parts.Reached(part);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await _maildev.StartAsync();
        _host = new ConvocationHost(_maildev);
        var address = Host.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        _page = await Browsers.NewPageAsync(_browser, address);
        await Browsers.SignInAsync(_page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await PartAsync("convocation", ConvocationAsync);
        await PartAsync("update", UpdateAsync);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await ((IAsyncLifetime)_host).DisposeAsync();
        }

        await _maildev.DisposeAsync();
    }

    private Task PartAsync(string name, Func<Task> part) => Parts.PartAsync(name, part);

    /// <summary>The walk's parts; a failed part leaves a screenshot named after it.</summary>
    private WalkParts Parts => _parts ??= new WalkParts(n => Browsers.ShotAsync(Page, "convocatie/fout-" + n));

    /// <summary>Two proposals on the DB; the list and the preview; the convocation sent from the preview.</summary>
    private async Task ConvocationAsync()
    {
        var first = await ToDbAsync(First);
        var second = await ToDbAsync(Second);
        await StoreDocumentAsync(first, "rapportage.pdf", 3000);
        var governance = Host.Services.GetRequiredService<IGovernanceDirectory>().Current;
        var meeting = governance.Calendar.Meetings.Single(m => m.Id == MeetingId);
        var members = governance.Model.MembersOf("db", meeting.Date).Where(m => m.SubstituteFor is null).ToList();
        Members = members.Select(m => m.Email).ToList();
        MemberNames = members.Select(m => m.Name).ToList();

        ListBefore = await ListAsync("lijst-voor");

        // The member mails so far: none, however many items are on the meeting (the agendering notices were handled).
        await Task.Delay(TimeSpan.FromSeconds(2));
        MemberMailsBeforeConvocation = (await _maildev.ListAsync()).Where(m => m.To.Any(t => Members.Contains(t.Address, StringComparer.OrdinalIgnoreCase)))
            .Select(m => m.Subject ?? "").ToList();

        await Page.GotoAsync($"/Vergaderingen/{MeetingId}");
        await ShowAsync("vergadering");
        await Page.ClickAsync("a:has-text('Convocatie bekijken en versturen')");
        await Page.WaitForURLAsync($"**/Vergaderingen/{MeetingId}/Convocatie");
        Preview = await Page.InnerTextAsync("main");
        await ShowAsync("voorbeeld");

        await Page.CheckAsync("#convocatie-zeker");
        await Browsers.SubmitAsync(Page, "button:has-text('Convocatie versturen')");
        SentMessage = (await Page.InnerTextAsync("[role='status']")).Trim();
        await ShowAsync("verstuurd");

        Convocations = await ArrivedAsync("Convocatie Dagelijks bestuur", Members.Count);
        ListAfterConvocation = await ListAsync("lijst-verstuurd");
        ConvocationAsShown = await MailShotsAsync(Convocations.Single(c => c.To == Members[0]), "mail-convocatie");
    }

    /// <summary>A third proposal after the convocation: the update, and the list.</summary>
    private async Task UpdateAsync()
    {
        await ToDbAsync(Third);
        Updates = await ArrivedAsync("Aanvulling agenda Dagelijks bestuur", Members.Count);
        ListAfterUpdate = await ListAsync("lijst-bijgewerkt");
        await MailShotsAsync(Updates.Single(c => c.To == Members[0]), "mail-aanvulling");
        MailsPerMemberInTheEnd = Members.ToDictionary(m => m, m => 0, StringComparer.OrdinalIgnoreCase);
        foreach (var mail in await _maildev.ListAsync())
        {
            foreach (var to in mail.To.Where(t => MailsPerMemberInTheEnd.ContainsKey(t.Address)))
            {
                ((Dictionary<string, int>)MailsPerMemberInTheEnd)[to.Address]++;
            }
        }
    }

    private async Task<string> ToDbAsync(string title)
    {
        var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
        var started = await runtime.StartAsync("voorstel", input, new Trigger("secretaris", Channel.Api));
        var atDb = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("secretaris", Channel.Api));
        atDb.Bookmarks.Should().Contain(b => b.Name == "Vergadering");

        // On 4 January the DB of 20 January is the first whose documents deadline (6 January) can be met.
        MeetingId = "db-2027-01-20";
        var items = await Host.WithScopeAsync(sp => sp.GetRequiredService<AdviesRoute.Host.Proposals.Meetings.MeetingAgenda>().ItemsAsync(MeetingId, CancellationToken.None));
        items.Select(i => i.InstanceId).Should().Contain(started.InstanceId);
        return started.InstanceId;
    }

    private Task StoreDocumentAsync(string instanceId, string name, int size) => Host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<HostDbContext>();
        var content = new byte[size];
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n% " + name + "\n");
        head.CopyTo(content, 0);
        Array.Fill(content, (byte)' ', head.Length, size - head.Length - 6);
        Encoding.ASCII.GetBytes("%%EOF\n").CopyTo(content, size - 6);
        db.ProposalDocuments.Add(new ProposalDocument
        {
            Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, FileName = name, ContentType = "application/pdf", Size = size,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>The DB's meetings list: its text (cells separated by tabs), with screenshots at 1366 and 320 px.</summary>
    private async Task<string> ListAsync(string name)
    {
        await Page.GotoAsync("/Vergaderingen?orgaan=db");
        var row = Page.Locator("tr", new PageLocatorOptions { Has = Page.Locator($"a[href='/Vergaderingen/{MeetingId}']") });
        var text = await row.InnerTextAsync();
        await ShowAsync(name);
        return text;
    }

    private async Task ShowAsync(string name)
    {
        await Page.SetViewportSizeAsync(1366, 900);
        await Browsers.ShotAsync(Page, $"convocatie/{name}-1366");
        await Page.SetViewportSizeAsync(320, 640);
        await Browsers.ShotAsync(Page, $"convocatie/{name}-320");
        await Browsers.FitsWithoutSidewaysScrollingAsync(Page, name);
        await Page.SetViewportSizeAsync(1366, 900);
    }

    /// <summary>The mail's HTML part as a mail program shows it, wide and on a phone.</summary>
    private async Task<string> MailShotsAsync(ArrivedMail mail, string name)
    {
        var page = await Browsers.NewPageAsync(_browser!, new Uri("http://127.0.0.1/"));
        await page.SetContentAsync(mail.Html);
        var text = await page.InnerTextAsync("body");
        await Browsers.ShotAsync(page, $"convocatie/{name}-1366");
        await page.SetViewportSizeAsync(320, 640);
        await Browsers.ShotAsync(page, $"convocatie/{name}-320");
        await Browsers.FitsWithoutSidewaysScrollingAsync(page, name);
        await page.Context.CloseAsync();
        return text;
    }

    /// <summary>The mails whose subject starts so, once <paramref name="count"/> arrived, parsed from their source.</summary>
    private async Task<IReadOnlyList<ArrivedMail>> ArrivedAsync(string subject, int count)
    {
        var all = await _maildev.WaitForAsync(m => m.Count(x => (x.Subject ?? "").StartsWith(subject, StringComparison.Ordinal)) >= count, Within);
        var matching = all.Where(m => (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal)).ToList();
        matching.Should().HaveCount(count, "maildev holds {0} mails '{1}…' (it holds: {2})", count, subject, string.Join(", ", all.Select(m => m.Subject)));
        var arrived = new List<ArrivedMail>();
        foreach (var raw in matching)
        {
            using var source = new MemoryStream(await _maildev.SourceAsync(raw.Id));
            var message = await MimeMessage.LoadAsync(source);
            var attachments = new List<(string, long)>();
            var invitations = new List<(string, CalendarEvent)>();
            foreach (var part in message.Attachments.OfType<MimePart>())
            {
                using var content = new MemoryStream();
                await part.Content!.DecodeToAsync(content);
                attachments.Add((part.FileName ?? "", content.Length));
                if (part.ContentType.MimeType == "text/calendar")
                {
                    var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
                    invitations.AddRange(calendar.Events.Select(e => (calendar.Method ?? "", e)));
                }
            }

            arrived.Add(new ArrivedMail(message.To.Mailboxes.Single().Address, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? "", attachments, invitations));
        }

        return arrived;
    }

    /// <summary>The non-empty lines of a mail's plain text, without the footer's separator.</summary>
    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
