using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// At the moment the data was stored, the overview, the meetings' agendas and every proposal's status and journal
/// show exactly what the version that stored it showed (recorded in fixture.json). Nothing here changes the data.
/// </summary>
public sealed class StoredOverviewTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    public static TheoryData<string> Queries() => [.. StoredDataHost.Fixture.Overview.Select(o => o.Query)];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_overview_lists_the_stored_proposals_as_before(string query)
    {
        using var secretary = await SignedInAsync();

        var ids = await OverviewAsync(secretary, query);

        ids.Should().Equal(StoredDataHost.Fixture.Overview.Single(o => o.Query == query).Ids);
    }

    [Fact]
    public async Task Every_meeting_on_the_jaarkalender_shows_the_stored_agenda_as_before()
    {
        using var secretary = await SignedInAsync();
        using var api = host.Secretary();
        var expected = StoredDataHost.Fixture.Agendas.ToDictionary(a => a.Meeting, a => a.Items);
        expected.Keys.Should().Contain(["db-2026-11-18", "ab-2026-12-09", "db-2027-01-20", "db-2027-02-10", "bac-zv-2027-02-24"]);
        expected[HeldOverAt] = HeldOverAgenda(expected[HeldOverAt]);

        var meetings = await MeetingsAsync(api);

        meetings.Should().Contain(expected.Keys);
        foreach (var meeting in meetings)
        {
            (await AgendaAsync(secretary, meeting)).Should().Equal(expected.GetValueOrDefault(meeting) ?? [], $"the agenda of {meeting}");
        }
    }

    /// <summary>The meeting that held the proposal "Tarieven Veilig Thuis 2027" over to a later one.</summary>
    private const string HeldOverAt = "db-2027-01-20";

    /// <summary>
    /// The one deliberate difference from what the previous version showed. It found a meeting's items by the meetings
    /// in a proposal's current state, so a proposal held over to a later meeting fell off the agenda (and the
    /// besluitenlijst) of the meeting that held it over, although its outcome there was in the journal. Now a proposal
    /// stays on every meeting it was placed on: the held-over item is listed first, as the hamerstuk it was placed as,
    /// with its outcome "aangehouden"; the other item moves to number 2.
    /// </summary>
    private static IReadOnlyList<AgendaLine> HeldOverAgenda(IReadOnlyList<AgendaLine> recorded)
    {
        var heldOver = StoredDataHost.Fixture.Proposals.Single(p => p.Role == "aangehouden").Id;
        recorded.Should().NotContain(l => l.Id == heldOver, "the previous version lost the held-over item from this agenda");
        return [new AgendaLine(heldOver, 1, "hamerstuk", "aangehouden"), .. recorded.Select(l => l with { Number = l.Number + 1 })];
    }

    [Fact]
    public async Task Every_stored_proposal_has_its_stored_status_and_journal()
    {
        using var api = host.Secretary();
        StoredDataHost.Fixture.Proposals.Select(p => p.Status).Should().Contain(["Finished", "Cancelled", "Suspended"]);

        foreach (var stored in StoredDataHost.Fixture.Proposals)
        {
            var instance = await InstanceAsync(api, stored.Id);
            Status(instance).Should().Be(stored.Status, stored.Role);
            Journal(instance).Should().Equal(stored.Journal, stored.Role);
        }
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = host.Anonymous();
        await SignInAsync(client, StoredDataHost.Fixture.AdminEmail, StoredDataHost.Fixture.AdminPassword);
        return client;
    }
}
