using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Tests.Shared.Governance;

/// <summary>The demo governance seed and jaarkalender, changed for a test (linked into the Activities and Host tests).</summary>
public static class GovernanceDocuments
{
    public static string Seed(Action<JsonObject> change)
    {
        var seed = JsonNode.Parse(DemoGovernance.Json())!.AsObject();
        change(seed);
        return seed.ToJsonString();
    }

    /// <summary>The seed without a body and its members.</summary>
    public static string WithoutBody(string bodyId) => Seed(s =>
    {
        var bodies = s["bodies"]!.AsArray();
        bodies.Remove(bodies.Single(b => (string?)b!["id"] == bodyId));
        var members = s["members"]!.AsArray();
        foreach (var member in members.Where(m => (string?)m!["body"] == bodyId).ToList())
        {
            members.Remove(member);
        }
    });

    public static string CalendarJson(Action<JsonObject> change)
    {
        var calendar = JsonNode.Parse(JaarkalenderSeed.DemoJson())!.AsObject();
        change(calendar);
        return calendar.ToJsonString();
    }

    /// <summary>
    /// The demo calendar with the meetings of the given bodies replaced by one each, <c>days</c> after
    /// <paramref name="today"/> (id "{body}-proef"), so a route does not depend on the day the tests run.
    /// </summary>
    public static string NearMeetings(DateOnly today, params (string Body, int Days, string Time)[] meetings) => CalendarJson(k =>
    {
        var list = k["meetings"]!.AsArray();
        var bodies = meetings.Select(m => m.Body).ToHashSet();
        foreach (var old in list.Where(m => bodies.Contains(m!["body"]!.GetValue<string>())).ToList())
        {
            list.Remove(old);
        }

        var seen = new Dictionary<string, int>();
        foreach (var (body, days, time) in meetings)
        {
            // The first meeting of a body is "{body}-proef", a second one "{body}-proef-2", and so on.
            var number = seen[body] = seen.GetValueOrDefault(body) + 1;
            list.Add(new JsonObject
            {
                ["id"] = number == 1 ? $"{body}-proef" : $"{body}-proef-{number}", ["body"] = body, ["date"] = today.AddDays(days).ToString("yyyy-MM-dd"), ["time"] = time,
                ["place"] = "Kantoor SamenDrenthe, Assen",
            });
        }
    });

    public static JsonObject Member(string id) =>
        JsonNode.Parse(DemoGovernance.Json())!["members"]!.AsArray().Single(m => (string?)m!["id"] == id)!.DeepClone().AsObject();

    /// <summary>The successor of m028 (AB, Aa en Hunze) from 1 January 2027.</summary>
    public static JsonObject Successor() => new()
    {
        ["id"] = "m900",
        ["name"] = "Marieke Smit",
        ["email"] = "marieke.smit@aa-en-hunze.example.org",
        ["body"] = "ab",
        ["role"] = "Lid",
        ["municipality"] = "aa-en-hunze",
        ["weight"] = 1,
        ["from"] = "2027-01-01",
    };
}
