using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Archive;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Archive;

/// <summary>
/// The host on a loopback port (environment Testing, its clock from Monday 4 January 2027), mail in its pickup folder,
/// with an administrator's API key that moves the clock. Its selectielijst leaves out the kaderbrief, so a closed
/// kaderbrief is refused for the kind.
/// </summary>
public sealed class ArchiveHost : HostFixture
{
    public const string AdminKey = "archief-beheer-sleutel-0123456789abcdef01";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", "2027-01-04T09:00:00+01:00");
        builder.UseSetting("Security:ApiKeys:2:Name", "archief-beheer");
        builder.UseSetting("Security:ApiKeys:2:Key", AdminKey);
        builder.UseSetting("Security:ApiKeys:2:Roles:0", "admin");
        builder.UseSetting("Links:PostsPerMinute", "1000");
        builder.ConfigureTestServices(services => services.PostConfigure<ArchiveOptions>(o => o.Selectielijst.Remove(ArchiveFixture.KindLeftOut)));
    }
}

/// <summary>
/// Walks an ontwerpbegroting to its end as the secretariat and the councils would (the DB sends it to the councils, one
/// council gives a zienswijze through its link, the board reacts, the DB adopts the reactions, the AB adopts the
/// begroting, the follow-up is reported done), and makes the proposals the refusals need: one still running, a cancelled
/// kaderbrief (a kind the selectielijst here leaves out), and a cancelled beleidsvoorstel whose stored document was
/// changed afterwards.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    public const string KindLeftOut = "kaderbrief";
    public const string Title = "Ontwerpbegroting 2028";
    public const string DocumentName = "Ontwerpbegroting 2028.pdf";
    public const string ZienswijzeText = "De raad vraagt aandacht voor de jeugdgezondheidszorg.";
    public const string Reaction = "Het bestuur neemt de aandacht voor de jeugdgezondheidszorg over in de uitvoeringsparagraaf.";
    public const string ChangedDocumentName = "Notitie tarieven.pdf";

    private HttpClient? _clock;

    public ArchiveHost Host { get; } = new();

    /// <summary>The administrator's session (a secretary's rights and more).</summary>
    public HttpClient Secretary { get; private set; } = null!;

    /// <summary>The JSON API with a secretary's key.</summary>
    public HttpClient Api { get; private set; } = null!;

    public string BegrotingId { get; private set; } = "";

    public string RunningId { get; private set; } = "";

    public string KaderbriefId { get; private set; } = "";

    /// <summary>The cancelled beleidsvoorstel whose stored document was changed after it was stored.</summary>
    public string ChangedId { get; private set; } = "";

    public static string Xsd => Path.Combine(MaildevServer.RepositoryRoot(), "..", "shared", "standards", "MDTO-XML1.0.1.xsd");

    public static string ScreenshotFolder => Path.Combine(EndToEnd.DesignerBrowserFixture.ScreenshotFolder, "archief");

    public async Task InitializeAsync()
    {
        Host.Start();
        Secretary = Host.Client();
        Api = Host.Client(HostFixture.SecretaryKey);
        _clock = Host.Client(ArchiveHost.AdminKey);
        await SignInAsync(Secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);

        BegrotingId = await StartProposalAsync(Secretary, new NewProposal(Title, "PubliekeGezondheid", "begroting", "metBacs",
            Summary: "De ontwerpbegroting 2028 met de meerjarenraming.", Document: (DocumentName, Pdf("ontwerpbegroting"))));
        RunningId = await StartProposalAsync(Secretary, new NewProposal("Jaarplan toezicht kinderopvang", "PubliekeGezondheid", "beleidsvoorstel", "metBacs"));
        KaderbriefId = await StartProposalAsync(Secretary, new NewProposal("Kaderbrief 2029", "PubliekeGezondheid", KindLeftOut, "metBacs"));
        await CancelOnPageAsync(Secretary, KaderbriefId, "Opgegaan in de beleidsbrief.");
        var changed = await StartProposalAsync(Secretary, new NewProposal("Tarieven reizigersvaccinatie", "PubliekeGezondheid", "beleidsvoorstel", "metBacs",
            Document: (ChangedDocumentName, Pdf("tarieven"))));
        await CancelOnPageAsync(Secretary, changed, "Wordt later opnieuw ingediend.");
        await ChangeStoredDocumentAsync(changed);
        ChangedId = changed;

        await ActAsync(Secretary, Api, BegrotingId, "voorbereiding", "Voorbereiding", new Dictionary<string, string> { ["invoer.uitkomst"] = "gereed" });
        await OutcomeAtMeetingAsync("besluitDb", "vastgesteld");

        // One council gives a zienswijze through the link in its mail; the others stay silent until the deadline.
        var requests = await RequestMail.InAsync(Host.MailFolder, 12, m => m.Subject == $"Verzoek om een zienswijze: {Title}");
        using (var council = Host.Client())
        {
            await requests.OrderBy(m => m.To, StringComparer.Ordinal).First().ChooseAsync(council, "positief", ZienswijzeText);
        }

        await AdvanceToAsync(Amsterdam(2027, 4, 15, 9, 0));
        var reaction = await EventuallyAsync(async () => Bookmarks(await InstanceAsync(Api, BegrotingId)).FirstOrDefault(b => b.Name == "Reactie"), "the reaction to write");
        await ResumeOnPageAsync(Secretary, BegrotingId, reaction.Id, new Dictionary<string, string> { ["invoer.reactie"] = Reaction });
        await OutcomeAtMeetingAsync("besluitDbReacties", "vastgesteld");

        // The zienswijzennota becomes a document of the proposal once the reactions went out.
        await EventuallyAsync(async () => (await InstanceAsync(Api, BegrotingId))["journal"]!.AsArray()
            .Select(j => j!["data"]?["stuk"]?.GetValue<string>()).FirstOrDefault(s => s?.StartsWith("Zienswijzennota", StringComparison.Ordinal) == true), "the zienswijzennota");
        await OutcomeAtMeetingAsync("besluitAb", "vastgesteld");
        await ActAsync(Secretary, Api, BegrotingId, "nazorgBegroting", "Nazorg",
            new Dictionary<string, string> { ["invoer.uitkomst"] = "gereed", ["invoer.toelichting"] = "Verzonden aan Gedeputeerde Staten." });
        await StatusAsync(Api, BegrotingId, "Finished");
    }

    /// <summary>Changes a stored document's content behind the application's back, as a damaged disk or a careless repair would.</summary>
    private Task<string> ChangeStoredDocumentAsync(string instanceId) => Host.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<HostDbContext>();
        var document = await db.ProposalDocuments.SingleAsync(d => d.InstanceId == instanceId);
        document.Content = Pdf("veranderd na het opslaan");
        await db.SaveChangesAsync();
        return document.Id;
    });

    private async Task OutcomeAtMeetingAsync(string activity, string outcome)
    {
        var waiting = await WaitingAsync(Api, BegrotingId, activity, "Vergadering");
        var calendar = (await Api.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!;
        var date = DateOnly.ParseExact(calendar["document"]!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == MeetingOf(waiting))!["date"]!.GetValue<string>(),
            "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AdvanceToAsync(Amsterdam(date.Year, date.Month, date.Day, 22, 0));
        await ResumeOnPageAsync(Secretary, BegrotingId, waiting.Id, new Dictionary<string, string> { ["invoer.uitkomst"] = outcome });
    }

    /// <summary>Moves the Testing clock on; sessions are read on that clock, so the secretary signs in again.</summary>
    public async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(_clock!, moment);
        await SignInAsync(Secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
    }

    public static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local));
    }

    public async Task DisposeAsync()
    {
        Secretary?.Dispose();
        Api?.Dispose();
        _clock?.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "Archief";
}
