using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Host.Tests.Meetings.MeetingTestSupport;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// One host on which a secretariat publishes an AB meeting as it does in the product, for the open-data tests: two
/// proposals reach the AB through the DB, an open one (a public stuk, a vertrouwelijk stuk, a stuk only for the AB's
/// members) and a besloten one with a stuk of its own. The secretary sends the AB's convocation on the meeting page;
/// the AB decides the open one by a vote per member with a remark; in the next AB meeting the secretary records the
/// attendance and adopts the besluitenlijst on the meeting page. What the API answered before the convocation and
/// after it is kept, so the tests can show when things became public.
/// </summary>
public sealed class OpenDataFixture : IAsyncLifetime
{
    public const string OpenTitle = "Regionale aanpak hitte en gezondheid";
    public const string ClosedTitle = "Personele reorganisatie afdeling";
    public const string Remark = "Toelichting die alleen de leden lezen.";
    public const string PublicName = "Plan hitte en gezondheid.pdf";
    public const string ConfidentialName = "Kostenraming vertrouwelijk.pdf";
    public const string ForAbName = "Notitie voor de AB-leden.pdf";
    public const string ClosedName = "Formatie en functies.pdf";
    public const string WithdrawnName = "Bijlage met een fout.pdf";
    public const string WithdrawalReason = "Er stonden persoonsgegevens in de bijlage.";
    public const string DecisionPoint = "Het regionale hitteplan 2028 vast te stellen.";

    public OpenDataHost Host { get; } = new();

    public string OpenId { get; private set; } = "";

    public string ClosedId { get; private set; } = "";

    public string AbMeeting { get; private set; } = "";

    public string NextAbMeeting => "ab-proef-2";

    public string PublicDocument { get; private set; } = "";

    public string ConfidentialDocument { get; private set; } = "";

    /// <summary>A public stuk the secretary withdrew after the convocation, with <see cref="WithdrawalReason"/>.</summary>
    public string WithdrawnDocument { get; private set; } = "";

    /// <summary>The (Dutch) day it was withdrawn.</summary>
    public DateOnly WithdrawnOn { get; private set; }

    public string ForAbDocument { get; private set; } = "";

    public string ClosedDocument { get; private set; } = "";

    /// <summary>The AB members who voted on the open proposal.</summary>
    public IReadOnlyList<string> Voters { get; private set; } = [];

    /// <summary>The meeting as the API gave it before the convocation went out, and the public stuk's status then.</summary>
    public (JsonObject Meeting, HttpStatusCode Document) BeforeConvocation { get; private set; }

    /// <summary>The meeting as the API gave it after the convocation, before the besluitenlijst was adopted.</summary>
    public JsonObject AfterConvocation { get; private set; } = [];

    /// <summary>What the meeting page said when the secretary sent the convocation.</summary>
    public string ConvocationPage { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Host).InitializeAsync();
        var today = Host.Today;
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today,
            ("db", 20, "10:00"), ("ab", 45, "19:30"), ("ab", 80, "19:30"), ("ab", 110, "19:30")), "test"));

        OpenId = await ToDbAsync(OpenTitle, new JsonObject
        {
            ["beslispunten"] = new JsonArray(new JsonObject { ["nummer"] = 1, ["tekst"] = DecisionPoint }),
        });
        ClosedId = await ToDbAsync(ClosedTitle, new JsonObject { ["openbaarheid"] = "besloten" });
        PublicDocument = await AddDocumentAsync(OpenId, PublicName, confidential: false, forBody: null);
        WithdrawnDocument = await AddDocumentAsync(OpenId, WithdrawnName, confidential: false, forBody: null);
        ConfidentialDocument = await AddDocumentAsync(OpenId, ConfidentialName, confidential: true, forBody: null);
        ForAbDocument = await AddDocumentAsync(OpenId, ForAbName, confidential: false, forBody: "ab");
        ClosedDocument = await AddDocumentAsync(ClosedId, ClosedName, confidential: false, forBody: null);

        using var api = Host.Secretary();
        var db = MeetingOf(await WaitingAsync(api, OpenId, "besluitDb", "Vergadering"))!;
        Host.MoveClockTo(Day(db));
        foreach (var id in new[] { OpenId, ClosedId })
        {
            await ResumeAsync(api, id, "besluitDb", new JsonObject { ["uitkomst"] = "vastgesteld" });
        }

        AbMeeting = MeetingOf(await WaitingAsync(api, OpenId, "besluitAb", "Vergadering"))!;
        await WaitingAsync(api, ClosedId, "besluitAb", "Vergadering");
        using var anonymous = Host.Anonymous();
        BeforeConvocation = (await GetObjectAsync(anonymous, $"/api/openbaar/v1/vergaderingen/{AbMeeting}"),
            (await anonymous.GetAsync($"/api/openbaar/v1/stukken/{PublicDocument}")).StatusCode);

        // The secretary sends the convocation from the meeting's convocation page, confirming it.
        using (var secretary = await Host.SignInAsync())
        {
            var path = $"/Vergaderingen/{AbMeeting}/Convocatie";
            var preview = await secretary.GetStringAsync(path);
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(preview), ["zeker"] = "ja" };
            using var sent = await secretary.PostAsync(path, new FormUrlEncodedContent(form));
            ConvocationPage = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        }

        AfterConvocation = await GetObjectAsync(anonymous, $"/api/openbaar/v1/vergaderingen/{AbMeeting}");

        // One stuk turns out to hold personal data: the secretary takes it off the portal, with the reason.
        WithdrawnOn = Host.Today;
        (await Host.WithScopeAsync(sp => sp.GetRequiredService<PortalPublisher>().WithdrawDocumentAsync(AbMeeting, WithdrawnDocument, WithdrawalReason,
            HostFixture.AdminEmail, sp.GetRequiredService<IPublicCatalog>(), CancellationToken.None))).Should().BeNull("the withdrawal is accepted");

        // The AB decides: the open proposal by a vote per member, with a remark; the besloten one without.
        Host.MoveClockTo(Day(AbMeeting));
        var seats = Seats(AbMeeting).Take(8).ToList();
        Voters = seats.Select(s => s.Name).ToList();
        var votes = new JsonArray(seats.Select((s, i) => (JsonNode)new JsonObject { ["lid"] = s.Id, ["keuze"] = i < 6 ? "voor" : "tegen" }).ToArray());
        await ResumeAsync(api, OpenId, "besluitAb", new JsonObject { ["stemmen"] = votes, ["toelichting"] = Remark });
        await ResumeAsync(api, ClosedId, "besluitAb", new JsonObject { ["uitkomst"] = "vastgesteld" });

        // The next AB meeting: attendance, then the besluitenlijst of the meeting before is adopted on the meeting page.
        Host.MoveClockTo(Day(NextAbMeeting));
        using (var secretary = await Host.SignInAsync())
        {
            var present = await PostMeetingAsync(secretary, NextAbMeeting, "aanwezigheid", Attendance(Seats(NextAbMeeting).Select(s => (s.Id, "aanwezig"))));
            present.Status.Should().Be(HttpStatusCode.OK, "the attendance is recorded: {0}", Excerpt(present.Page));
            var adopted = await PostMeetingAsync(secretary, NextAbMeeting, "besluitenlijst", [new("wijzigingen", "")]);
            adopted.Page.Should().Contain("is vastgesteld.", "the besluitenlijst is adopted: {0}", Excerpt(adopted.Page));
        }
    }

    public DateOnly Day(string meeting) => Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Calendar.Meetings.Single(m => m.Id == meeting).Date;

    /// <summary>A JSON answer of the API as an object (the test fails on any other status).</summary>
    public static async Task<JsonObject> GetObjectAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} answers: {1}", path, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private IEnumerable<AdviesRoute.Activities.Governance.Model.Member> Seats(string meeting) =>
        Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("ab", Day(meeting)).Where(m => m.SubstituteFor is null)
            .OrderBy(m => m.Id, StringComparer.Ordinal);

    private async Task<string> ToDbAsync(string title, JsonObject extra)
    {
        var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
        foreach (var (key, value) in extra)
        {
            input[key] = value?.DeepClone();
        }

        var started = await runtime.StartAsync("voorstel", input, new Trigger("test", Channel.Api));
        await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        return started.InstanceId;
    }

    private async Task ResumeAsync(HttpClient api, string id, string activity, JsonObject input)
    {
        var waiting = await WaitingAsync(api, id, activity, "Vergadering");
        await Host.Services.GetRequiredService<IWorkflowRuntime>().ResumeAsync(id, waiting.Id, input, new Trigger(HostFixture.AdminEmail, Channel.Page));
    }

    private Task<string> AddDocumentAsync(string instanceId, string name, bool confidential, string? forBody) => Host.WithScopeAsync(async sp =>
    {
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await sp.GetRequiredService<AddProposalDocument>().AddAsync(instanceId, new NewDocument(name, DocumentKind.Pdf, content, confidential),
            new Trigger(HostFixture.AdminEmail, Channel.Page), forBody, CancellationToken.None);
        return sp.GetRequiredService<HostDbContext>().ProposalDocuments.Single(d => d.InstanceId == instanceId && d.FileName == name).Id;
    });

    private static string Excerpt(string page)
    {
        var start = page.IndexOf("<main", StringComparison.Ordinal);
        return page.Substring(Math.Max(0, start), Math.Min(1500, page.Length - Math.Max(0, start)));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
}

/// <summary>
/// The test host for open data: every request of a test comes from the same (absent) address, so the open-data limit is
/// raised here; <see cref="OpenDataRateLimitTests"/> shows the limit on a host of its own.
/// </summary>
public sealed class OpenDataHost : HostFixture
{
    public int RequestsPerMinute { get; init; } = 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Started is { } address)
        {
            builder.UseSetting("Links:PublicBaseUrl", address.ToString().TrimEnd('/')); // on a socket, the addresses the API hands out lead back to it
        }

        builder.UseSetting("OpenData:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
