using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Search;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>
/// One host on a loopback port (and one Chromium) where a secretariat took an open proposal through the DB to the AB and
/// sent the AB's convocation, so its agenda and public stukken are on the portal. The proposal carries a public PDF, a
/// vertrouwelijk PDF and a summary; a besloten proposal with a PDF of its own went the same way. All PDFs are real, written
/// by the host's writer, with the searched words only inside them.
/// </summary>
public sealed class PublicSearchFixture : IAsyncLifetime
{
    public const string OpenTitle = "Regionale aanpak van hitte";
    public const string ClosedTitle = "Aankoop van grond voor de koeltuin";
    public const string PublicPdf = "Bijlage maatregelen.pdf";
    public const string ConfidentialPdf = "Onderhandelingsnotitie.pdf";
    public const string ClosedPdf = "Taxatie.pdf";
    public const string Secretary = "ingrid@example.org";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostFixture Host { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public string OpenId { get; private set; } = "";

    public string AbMeeting { get; private set; } = "";

    public string PublicPdfId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseAddress = Host.Start();
        var today = Host.Today;
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today,
            ("db", 20, "10:00"), ("ab", 45, "19:30"), ("bac-pg", 15, "14:00")), "test"));

        OpenId = await ToDbAsync(OpenTitle, "Een gezamenlijke aanpak voor de zomers die komen.", "de regionale aanpak van hitte vast te stellen.", besloten: false);
        var closed = await ToDbAsync(ClosedTitle, "Grond voor de koeltuin.", "in te stemmen met de aankoop.", besloten: true);
        PublicPdfId = await AddAsync(OpenId, PublicPdf, "In 2027 nemen de gemeenten hittestressmaatregelen in wijken waar veel ouderen wonen.", confidential: false);
        await AddAsync(OpenId, ConfidentialPdf, "De onderhandelingsruimte met de verkoper is klein; het bod blijft geheim.", confidential: true);
        await AddAsync(closed, ClosedPdf, "De grondaankopen zijn getaxeerd op de waarde in het economische verkeer.", confidential: false);

        var api = Host.Client(HostFixture.SecretaryKey);
        var dbMeeting = MeetingOf(await WaitingAsync(api, OpenId, "besluitDb", "Vergadering"))!;
        await SendConvocationAsync(dbMeeting);
        Host.MoveClockTo(Day(dbMeeting));
        foreach (var id in new[] { OpenId, closed })
        {
            await ResumeAsync(api, id, "besluitDb", new JsonObject { ["uitkomst"] = "vastgesteld" });
        }

        AbMeeting = MeetingOf(await WaitingAsync(api, OpenId, "besluitAb", "Vergadering"))!;
        await SendConvocationAsync(AbMeeting);
        await Host.WithScopeAsync(sp => sp.GetRequiredService<SearchIndex>().ReadPendingAsync(CancellationToken.None));

        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "zoeken"));
    }

    public DateOnly Day(string meeting) => Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Calendar.Meetings.Single(m => m.Id == meeting).Date;

    public Task<SearchResult> SearchAsync(string query, SearchScope scope) =>
        Host.WithScopeAsync(sp => sp.GetRequiredService<IProposalSearch>().SearchAsync(new SearchRequest(query, scope), CancellationToken.None));

    private Task<int> SendConvocationAsync(string meeting) => Host.WithScopeAsync(sp =>
        sp.GetRequiredService<ConvocationSender>().SendAsync(sp.GetRequiredService<MeetingAgenda>().Find(meeting)!, Secretary, CancellationToken.None));

    private async Task<string> ToDbAsync(string title, string summary, string point, bool besloten)
    {
        var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject
        {
            ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage", ["samenvatting"] = summary,
            ["beslispunten"] = new JsonArray(new JsonObject { ["nummer"] = 1, ["tekst"] = point }),
            ["openbaarheid"] = besloten ? "besloten" : "openbaar",
        };
        var started = await runtime.StartAsync("voorstel", input, new Trigger(Secretary, Channel.Api));
        await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger(Secretary, Channel.Api));

        // Started through the engine, as the API does: the index catches up with it (the worker does this after a change).
        await Host.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<SearchIndex>().CatchUpAsync(CancellationToken.None);
            return 0;
        });
        return started.InstanceId;
    }

    private async Task ResumeAsync(HttpClient api, string id, string activity, JsonObject input)
    {
        var waiting = await WaitingAsync(api, id, activity, "Vergadering");
        await Host.Services.GetRequiredService<IWorkflowRuntime>().ResumeAsync(id, waiting.Id, input, new Trigger(Secretary, Channel.Page));
    }

    private Task<string> AddAsync(string instanceId, string name, string paragraph, bool confidential) => Host.WithScopeAsync(async sp =>
    {
        var document = SearchStory.Document(Host, name, paragraph, confidential);
        await sp.GetRequiredService<AddProposalDocument>().AddAsync(instanceId, document, new Trigger(Secretary, Channel.Page), null, CancellationToken.None);
        return sp.GetRequiredService<AdviesRoute.Host.Data.HostDbContext>().ProposalDocuments.Single(d => d.InstanceId == instanceId && d.FileName == name).Id;
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}
