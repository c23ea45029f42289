using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Portal;

/// <summary>
/// One host that walks two proposals from the DB to the AB as a secretariat does, once, for <see cref="PublicCatalogTests"/>:
/// an open one with a public stuk, a vertrouwelijk stuk and a stuk only for the AB, decided by a vote per member with a
/// remark; and a besloten one with a stuk of its own. The DB's and the AB's convocations are sent, the AB's sent twice; the
/// next meetings adopt both besluitenlijsten. Two more AB meetings: one ahead without convocation, one only on paper.
/// </summary>
public class PublicCatalogFixture : IAsyncLifetime
{
    public PublicCatalogFixture()
        : this(new HostFixture())
    {
    }

    /// <param name="host">The host the walk runs on (SQLite by default; <see cref="PostgresPublicCatalogFixture"/> for PostgreSQL).</param>
    protected PublicCatalogFixture(HostFixture host) => Host = host;

    public const string OpenTitle = "Regionaal gezondheidsbeleid 2028";
    public const string ClosedTitle = "Vertrouwelijke personele zaak";
    public const string Remark = "Toelichting die alleen de leden lezen.";
    public const string Secretary = "Ingrid de Vries";

    public HostFixture Host { get; }

    public string OpenId { get; private set; } = "";

    public string ClosedId { get; private set; } = "";

    public string DbMeeting { get; private set; } = "";

    public string AbMeeting { get; private set; } = "";

    public string PublicDocument { get; private set; } = "";

    public string ConfidentialDocument { get; private set; } = "";

    /// <summary>A public stuk the secretary withdrew after the AB meeting, with <see cref="DocumentReason"/>.</summary>
    public string WithdrawnDocument { get; private set; } = "";

    public const string DocumentReason = "Er stonden persoonsgegevens in de bijlage.";

    public const string AgendaReason = "De vergadering is verplaatst.";

    /// <summary>The refusals of a withdrawal without a reason (of the agenda, and of a stuk).</summary>
    public IReadOnlyList<string?> RefusedWithoutReason { get; private set; } = [];

    public string ForAbDocument { get; private set; } = "";

    public string ClosedDocument { get; private set; } = "";

    /// <summary>The names of the AB members who voted on the open proposal.</summary>
    public IReadOnlyList<string> Voters { get; private set; } = [];

    public const string UnconvenedAb = "ab-proef-3";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Host).InitializeAsync();
        var today = Host.Today;
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today,
            ("db", 20, "10:00"), ("db", 60, "10:00"), ("ab", 45, "19:30"), ("ab", 80, "19:30"), ("ab", 110, "19:30"), ("bac-pg", 15, "14:00")), "test"));
        await Host.AddAccountAsync("ingrid@example.org", Secretary, AdviesRoute.Host.Security.Roles.Secretary, HostFixture.AdminPassword);

        var open = await ToDbAsync(OpenTitle, new JsonObject
        {
            ["beslispunten"] = new JsonArray(new JsonObject { ["nummer"] = 1, ["tekst"] = "Het regionale gezondheidsbeleid 2028 vast te stellen." }),
        });
        var closed = await ToDbAsync(ClosedTitle, new JsonObject { ["openbaarheid"] = "besloten" });
        (OpenId, ClosedId) = (open.Id, closed.Id);
        PublicDocument = await AddDocumentAsync(OpenId, "Nota gezondheidsbeleid.pdf", confidential: false, forBody: null);
        WithdrawnDocument = await AddDocumentAsync(OpenId, "Bijlage met fout.pdf", confidential: false, forBody: null);
        ConfidentialDocument = await AddDocumentAsync(OpenId, "Onderhandelingsruimte.pdf", confidential: true, forBody: null);
        ForAbDocument = await AddDocumentAsync(OpenId, "Notitie voor het AB.pdf", confidential: false, forBody: "ab");
        ClosedDocument = await AddDocumentAsync(ClosedId, "Personele gegevens.pdf", confidential: false, forBody: null);

        DbMeeting = MeetingOf(await WaitingAsync(Host.Secretary(), OpenId, "besluitDb", "Vergadering"))!;
        await SendConvocationAsync(DbMeeting);
        Host.MoveClockTo(Day(DbMeeting));
        foreach (var id in new[] { OpenId, ClosedId })
        {
            await ResumeAsync(id, "besluitDb", new JsonObject { ["uitkomst"] = "vastgesteld" });
        }

        AbMeeting = MeetingOf(await WaitingAsync(Host.Secretary(), OpenId, "besluitAb", "Vergadering"))!;
        await SendConvocationAsync(AbMeeting);
        await SendConvocationAsync(AbMeeting);

        Host.MoveClockTo(Day(AbMeeting));
        var seats = Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("ab", Day(AbMeeting)).Where(m => m.SubstituteFor is null).Take(7).ToList();
        Voters = seats.Select(s => s.Name).ToList();
        var votes = new JsonArray(seats.Select((s, i) => (JsonNode)new JsonObject { ["lid"] = s.Id, ["keuze"] = i < 5 ? "voor" : "tegen" }).ToArray());
        await ResumeAsync(OpenId, "besluitAb", new JsonObject { ["stemmen"] = votes, ["toelichting"] = Remark });
        await ResumeAsync(ClosedId, "besluitAb", new JsonObject { ["uitkomst"] = "vastgesteld" });

        // The next AB meeting adopts the besluitenlijst; so does the next DB meeting for the DB's.
        await Host.WithScopeAsync(sp => SendAsync(sp, "ab-proef-2"));
        await Host.WithScopeAsync(sp => SendAsync(sp, "db-proef-2"));
        Host.MoveClockTo(Day("ab-proef-2"));
        (await Host.WithScopeAsync(sp => sp.GetRequiredService<MeetingMinutes>().AdoptPreviousMinutesAsync("ab-proef-2", null, "ingrid@example.org", CancellationToken.None)))
            .Should().BeNull();
        (await Host.WithScopeAsync(sp => sp.GetRequiredService<MeetingMinutes>().AdoptPreviousMinutesAsync("db-proef-2", null, "ingrid@example.org", CancellationToken.None)))
            .Should().BeNull();

        // The secretary takes one stuk off, and the agenda of the next AB meeting; without a reason nothing is taken off.
        RefusedWithoutReason = await Host.WithScopeAsync(async sp =>
        {
            var portal = sp.GetRequiredService<PortalPublisher>();
            return (IReadOnlyList<string?>)[
                await portal.WithdrawAsync("ab-proef-2", PublicationKinds.Agenda, "  ", "ingrid@example.org", CancellationToken.None),
                await portal.WithdrawDocumentAsync(AbMeeting, WithdrawnDocument, null, "ingrid@example.org", sp.GetRequiredService<IPublicCatalog>(), CancellationToken.None)];
        });
        (await Host.WithScopeAsync(sp => sp.GetRequiredService<PortalPublisher>().WithdrawDocumentAsync(AbMeeting, WithdrawnDocument, DocumentReason, "ingrid@example.org",
            sp.GetRequiredService<IPublicCatalog>(), CancellationToken.None))).Should().BeNull();
        (await Host.WithScopeAsync(sp => sp.GetRequiredService<PortalPublisher>().WithdrawAsync("ab-proef-2", PublicationKinds.Agenda, AgendaReason, "ingrid@example.org",
            CancellationToken.None))).Should().BeNull();
    }

    /// <summary>A fresh catalog, as one request reads it.</summary>
    public Task<T> CatalogAsync<T>(Func<IPublicCatalog, Task<T>> read) => Host.WithScopeAsync(sp => read(sp.GetRequiredService<IPublicCatalog>()));

    public DateOnly Day(string meeting) => Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Calendar.Meetings.Single(m => m.Id == meeting).Date;

    private Task SendConvocationAsync(string meeting) => Host.WithScopeAsync(sp => SendAsync(sp, meeting));

    private static async Task<int> SendAsync(IServiceProvider sp, string meeting)
    {
        var found = sp.GetRequiredService<MeetingAgenda>().Find(meeting)!;
        return await sp.GetRequiredService<ConvocationSender>().SendAsync(found, "ingrid@example.org", CancellationToken.None);
    }

    private async Task<(string Id, string Bookmark)> ToDbAsync(string title, JsonObject extra)
    {
        var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
        foreach (var (key, value) in extra)
        {
            input[key] = value?.DeepClone();
        }

        var started = await runtime.StartAsync("voorstel", input, new Trigger("test", Channel.Api));
        var atDb = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        return (started.InstanceId, atDb.Bookmarks.Single(b => b.Name == "Vergadering").Id);
    }

    private async Task ResumeAsync(string id, string activity, JsonObject input)
    {
        var waiting = await WaitingAsync(Host.Secretary(), id, activity, "Vergadering");
        await Host.Services.GetRequiredService<IWorkflowRuntime>().ResumeAsync(id, waiting.Id, input, new Trigger("ingrid@example.org", Channel.Page));
    }

    private Task<string> AddDocumentAsync(string instanceId, string name, bool confidential, string? forBody) => Host.WithScopeAsync(async sp =>
    {
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await sp.GetRequiredService<AddProposalDocument>().AddAsync(instanceId, new NewDocument(name, DocumentKind.Pdf, content, confidential),
            new Trigger("ingrid@example.org", Channel.Page), forBody, CancellationToken.None);
        return sp.GetRequiredService<AdviesRoute.Host.Data.HostDbContext>().ProposalDocuments.Single(d => d.InstanceId == instanceId && d.FileName == name).Id;
    });

    public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
}

/// <summary>The same walk on a fresh PostgreSQL database (<see cref="Postgres.PostgresHostFixture"/>).</summary>
public sealed class PostgresPublicCatalogFixture() : PublicCatalogFixture(new Postgres.PostgresHostFixture());
