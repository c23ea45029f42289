using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// Carries stored proposals on as the secretariat and the members would: the proposal pages' actions, the personal
/// links in the old mails, and the Testing clock where a meeting or a deadline must come first. Reads state through
/// <c>/api/instances/{id}</c>. Only HTTP, so it keeps testing whatever the host's insides become.
/// </summary>
internal sealed class StoredWalk : IDisposable
{
    private static readonly TimeZoneInfo Netherlands = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly StoredDataHost _host;

    private StoredWalk(StoredDataHost host)
    {
        _host = host;
        Secretary = host.Anonymous();
        Api = host.Secretary();
        Clock = host.Admin();
    }

    public static StoredFixture Fixture => StoredDataHost.Fixture;

    /// <summary>The administrator's session, for the pages.</summary>
    public HttpClient Secretary { get; }

    /// <summary>The JSON API, with a secretary's API key.</summary>
    public HttpClient Api { get; }

    private HttpClient Clock { get; }

    public static async Task<StoredWalk> StartAsync(StoredDataHost host)
    {
        var walk = new StoredWalk(host);
        await SignInAsync(walk.Secretary, Fixture.AdminEmail, Fixture.AdminPassword);
        return walk;
    }

    /// <summary>A moment in the Netherlands (winter or summer time as it falls).</summary>
    public static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Netherlands.GetUtcOffset(local));
    }

    /// <summary>A member's browser: no session, its own cookies.</summary>
    public HttpClient Member() => _host.Anonymous();

    /// <summary>The old mails of one proposal that carry a personal link.</summary>
    public static IReadOnlyList<RequestMail> OldMailsOf(StoredProposal proposal) =>
        StoredDataHost.OldMails.Where(m => m.Subject.EndsWith(proposal.Title, StringComparison.Ordinal)).OrderBy(m => m.To, StringComparer.Ordinal).ToList();

    /// <summary>Moves the clock on; the session cookie's expiry is read on that clock, so the secretary signs in again after a jump.</summary>
    public async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(Clock, moment);
        await SignInAsync(Secretary, Fixture.AdminEmail, Fixture.AdminPassword);
    }

    public async Task<JsonObject> InstanceAsync(string id) => await HostPages.InstanceAsync(Api, id);

    public Task<Waiting> PrepareAsync(string id, string outcome) =>
        ActAsync(Secretary, Api, id, "voorbereiding", "Voorbereiding", new Dictionary<string, string> { ["invoer.uitkomst"] = outcome });

    /// <summary>
    /// Checks that the proposal waits at <paramref name="activity"/> for <paramref name="meeting"/>, moves the clock to
    /// <paramref name="at"/> (the evening of the meeting) when given, and records the outcome on the proposal's page.
    /// </summary>
    public async Task OutcomeAsync(string id, string activity, string meeting, string outcome, DateTimeOffset? at = null)
    {
        var waiting = await WaitingAsync(Api, id, activity, "Vergadering");
        MeetingOf(waiting).Should().Be(meeting, $"{id} is scheduled at {activity} for that meeting");
        if (at is { } moment)
        {
            await AdvanceToAsync(moment);
        }

        await ResumeOnPageAsync(Secretary, id, waiting.Id, new Dictionary<string, string> { ["invoer.uitkomst"] = outcome });
    }

    /// <summary>Reports a follow-up task (nazorg) done on the proposal's page.</summary>
    public Task<Waiting> FollowUpDoneAsync(string id, string activity) =>
        ActAsync(Secretary, Api, id, activity, "Nazorg", new Dictionary<string, string> { ["invoer.uitkomst"] = "gereed", ["invoer.toelichting"] = "Verzonden." });

    /// <summary>
    /// Waits until the proposal is Finished and checks that its journal starts with exactly the entries stored before
    /// (same moments, kinds, steps, outcomes, actors and channels) and goes on after them; the page says Afgerond.
    /// </summary>
    /// <returns>The entries written after the stored ones.</returns>
    public async Task<IReadOnlyList<JournalLine>> FinishedAfterStoredJournalAsync(StoredProposal stored)
    {
        var instance = await StatusAsync(Api, stored.Id, "Finished");
        var journal = Journal(instance);
        journal.Take(stored.Journal.Count).Should().Equal(stored.Journal, "the journal stored before is kept as it was");
        journal.Should().HaveCountGreaterThan(stored.Journal.Count);
        var page = WebUtility.HtmlDecode(await Secretary.GetStringAsync($"/Voorstellen/{stored.Id}"));
        page.Should().Contain($"<h1>{stored.Title}</h1>").And.Contain("<strong>Afgerond</strong>");
        return journal.Skip(stored.Journal.Count).ToList();
    }

    public void Dispose()
    {
        Secretary.Dispose();
        Api.Dispose();
        Clock.Dispose();
    }
}
