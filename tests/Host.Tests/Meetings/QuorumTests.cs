using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Host.Tests.Meetings.MeetingTestSupport;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>
/// The quorum of a meeting (art. 20 Gemeentewet via art. 22 Wgr): below it the step refuses every outcome, through the
/// API and the proposal page alike, and stores nothing; a meeting convened again after it decides that meeting's items without it.
/// </summary>
public sealed class QuorumTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_meeting_below_quorum_refuses_outcomes_in_Dutch_and_stores_nothing_and_the_meeting_convened_again_decides_without_it()
    {
        var today = host.Today;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00"), ("db", 27, "10:00")), "test"));
        var first = await ToDbAsync(host, "Rapportage eerste vier maanden");
        var second = await ToDbAsync(host, "Aanpassing tarieven");
        var seats = DbSeats(host, today.AddDays(20));
        seats.Should().HaveCount(5, "the DB of the demo model has five members");

        // Attendance cannot be recorded before the meeting.
        using (var early = await host.SignInAsync())
        {
            var (status, page) = await PostMeetingAsync(early, "db-proef", "aanwezigheid", Attendance(seats.Select(s => (s.Id, "aanwezig"))));
            status.Should().Be(HttpStatusCode.UnprocessableEntity);
            page.Should().Contain("is nog niet geweest: de aanwezigheid wordt op of na die dag vastgelegd");
        }

        // A proposal started after the first meeting's documents deadline goes to the second meeting only.
        host.MoveClockTo(today.AddDays(10));
        var third = await ToDbAsync(host, "Jaarplan toezicht");

        // On the day two of the five are present, one sent notice, two did not come: no quorum.
        host.MoveClockTo(today.AddDays(20));
        using var secretary = await host.SignInAsync();
        var recorded = await PostMeetingAsync(secretary, "db-proef", "aanwezigheid",
            Attendance([(seats[0].Id, "aanwezig"), (seats[1].Id, "aanwezig"), (seats[2].Id, "kennisgeving")]));
        recorded.Status.Should().Be(HttpStatusCode.OK);
        recorded.Page.Should().Contain("De aanwezigheid is vastgelegd.").And.Contain("Geen quorum: 2 van 5 leden aanwezig, nodig is ten minste 3 (art. 20 Gemeentewet, via art. 22 Wgr).")
            .And.Contain($"Afwezig met kennisgeving: {seats[2].Name}");

        // The API refuses the outcome with problem details in Dutch; the proposal still waits and its journal has no outcome.
        using var api = host.Secretary();
        using (var refused = await api.PostAsJsonAsync($"/api/instances/{first.Id}/bookmarks/{first.MeetingBookmark}/resume",
            new { input = new JsonObject { ["uitkomst"] = "vastgesteld" } }))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            problem["detail"]!.GetValue<string>().Should().Be(
                $"De vergadering van Dagelijks bestuur van {Day(today.AddDays(20))} heeft geen quorum: 2 van 5 leden aanwezig, nodig is ten minste 3 "
                + "(art. 20 Gemeentewet, via art. 22 Wgr). Er is niets vastgelegd. Verplaats het voorstel naar een vergadering die opnieuw wordt bijeengeroepen; die mag er zonder quorum over besluiten.");
        }

        // The proposal page refuses it with the same message, and the votes per member do not get round it either.
        var onPage = async () => await ResumeOnPageAsync(secretary, second.Id, second.MeetingBookmark, new Dictionary<string, string> { ["invoer.uitkomst"] = "vastgesteld" });
        (await onPage.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("422").And.Contain("heeft geen quorum: 2 van 5 leden aanwezig");
        using (var votes = await api.PostAsJsonAsync($"/api/instances/{second.Id}/bookmarks/{second.MeetingBookmark}/resume",
            new { input = new JsonObject { ["stemmen"] = new JsonArray(new JsonObject { ["lid"] = seats[0].Id, ["keuze"] = "voor" }, new JsonObject { ["lid"] = seats[1].Id, ["keuze"] = "voor" }) } }))
        {
            votes.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        }

        foreach (var proposal in new[] { first, second })
        {
            var instance = await InstanceAsync(api, proposal.Id);
            Journal(instance).Select(j => j.Kind).Should().NotContain("vergaderingUitkomst", "a refused outcome stores nothing");
            Bookmarks(instance).Should().Contain(b => b.Id == proposal.MeetingBookmark, "the proposal still waits on the meeting");
        }

        // Moving the items to the meeting convened again stays possible.
        foreach (var proposal in new[] { first, second })
        {
            using var moved = await api.PostAsJsonAsync($"/api/instances/{proposal.Id}/bookmarks/{proposal.MeetingBookmark}/resume",
                new { input = new JsonObject { ["verplaatsNaar"] = "db-proef-2", ["toelichting"] = "Geen quorum; opnieuw bijeengeroepen." } });
            moved.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // A meeting that had quorum cannot be the one convened again after: refused, nothing stored.
        host.MoveClockTo(today.AddDays(27));
        using var later = await host.SignInAsync();
        var ordinary = await PostMeetingAsync(later, "db-proef-2", "aanwezigheid", Attendance([(seats[0].Id, "aanwezig")], reconvenedAfter: "db-proef-2"));
        ordinary.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        ordinary.Page.Should().Contain("Kies een eerdere vergadering van Dagelijks bestuur die geen quorum had. Er is niets opgeslagen.");

        // The meeting convened again: only the voorzitter present, yet it decides the items of the meeting without quorum.
        var again = await PostMeetingAsync(later, "db-proef-2", "aanwezigheid", Attendance([(seats[0].Id, "aanwezig"), (seats[1].Id, "kennisgeving")], reconvenedAfter: "db-proef"));
        again.Status.Should().Be(HttpStatusCode.OK);
        again.Page.Should().Contain($"Geen quorum (1 van 5 leden aanwezig); deze vergadering is opnieuw bijeengeroepen na die van {Day(today.AddDays(20))} en besluit zonder quorum over de punten daarvan");
        var waiting = await WaitingAsync(api, first.Id, "besluitDb", "Vergadering");
        MeetingOf(waiting).Should().Be("db-proef-2");
        using (var decided = await api.PostAsJsonAsync($"/api/instances/{first.Id}/bookmarks/{waiting.Id}/resume", new { input = new JsonObject { ["uitkomst"] = "vastgesteld" } }))
        {
            decided.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        Journal(await InstanceAsync(api, first.Id)).Should().Contain(j => j.Kind == "vergaderingUitkomst" && j.Outcome == "vastgesteld");

        // An item that was not on the meeting without quorum needs at least a third (art. 20 lid 3): with one of five, refused.
        var thirdWaiting = await WaitingAsync(api, third.Id, "besluitDb", "Vergadering");
        MeetingOf(thirdWaiting).Should().Be("db-proef-2");
        using var notOnIt = await api.PostAsJsonAsync($"/api/instances/{third.Id}/bookmarks/{thirdWaiting.Id}/resume", new { input = new JsonObject { ["uitkomst"] = "vastgesteld" } });
        notOnIt.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await notOnIt.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should()
            .Contain("mag zonder quorum alleen besluiten over de punten van de vergadering van").And.Contain("ten minste een derde aanwezig");
    }

    private static string Day(DateOnly day) => AdviesRoute.Activities.Texts.DutchFormat.Day(day);
}
