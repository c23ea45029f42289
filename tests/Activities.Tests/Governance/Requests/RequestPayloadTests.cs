using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Tests.Governance.Requests;

/// <summary>A request's payload is written and read typed, under the keys stored instances have always carried.</summary>
public sealed class RequestPayloadTests
{
    [Fact]
    public void A_seats_request_is_stored_under_the_keys_instances_already_carry()
    {
        var payload = new RequestPayload
        {
            Seat = "m065",
            Round = 2,
            Member = "m065",
            Name = "Tineke Uneken",
            Email = "t.uneken@hoogeveen.example.org",
            Body = "db",
            Municipality = "hoogeveen",
            Choices = ["voor", "tegen", "onthouding"],
            Deadline = "uiterlijk 17 november 2026",
        };

        payload.ToJson().ToJsonString().Should().Be(
            """{"zetel":"m065","ronde":2,"lid":"m065","naam":"Tineke Uneken","email":"t.uneken@hoogeveen.example.org","orgaan":"db","gemeente":"hoogeveen","keuzes":["voor","tegen","onthouding"],"uiterlijk":"uiterlijk 17 november 2026"}""");
    }

    [Fact]
    public void A_stored_payload_reads_typed_whichever_way_its_step_kept_the_deadline_and_the_meeting()
    {
        var task = RequestPayload.Read(JsonNode.Parse("""{"taak":"Begroting naar GS","uiterlijk":{"datum":"2027-07-21","tekst":"uiterlijk 21 juli 2027"}}""")!.AsObject());
        var round = RequestPayload.Read(JsonNode.Parse("""{"orgaan":"raad-assen","ronde":1,"uiterlijk":"uiterlijk 7 mei 2027","onbekend":true}""")!.AsObject());
        var meeting = RequestPayload.Read(JsonNode.Parse("""{"orgaan":"ab","vergadering":{"id":"ab-2027-07-07","datum":"2027-07-07"}}""")!.AsObject());
        var timer = RequestPayload.Read(JsonNode.Parse("""{"vergadering":"ab-2027-07-07"}""")!.AsObject());

        (task.Task, task.DeadlineText).Should().Be(("Begroting naar GS", "uiterlijk 21 juli 2027"));
        (round.BodyOrGroup, round.Round, round.DeadlineText).Should().Be(("raad-assen", 1, "uiterlijk 7 mei 2027"));
        meeting.MeetingId.Should().Be("ab-2027-07-07");
        timer.MeetingId.Should().Be("ab-2027-07-07");
        RequestPayload.Read(null).Should().Be(new RequestPayload(), "a bookmark without a payload reads as an empty one");
    }
}
