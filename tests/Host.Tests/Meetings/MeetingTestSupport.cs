using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>What the meeting tests share: a proposal brought to the DB's meeting, and the meeting page's forms posted as a browser does.</summary>
internal static class MeetingTestSupport
{
    /// <summary>Starts a viermaandsrapportage (straight to the DB) and finishes its preparation; returns it and its meeting bookmark.</summary>
    public static async Task<(string Id, string MeetingBookmark)> ToDbAsync(HostFixture host, string title, JsonObject? extra = null)
    {
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
        foreach (var (key, value) in extra ?? [])
        {
            input[key] = value?.DeepClone();
        }

        var started = await runtime.StartAsync("voorstel", input, new Trigger("test", Channel.Api));
        var atDb = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        return (started.InstanceId, atDb.Bookmarks.Single(b => b.Name == "Vergadering").Id);
    }

    /// <summary>The DB's seats (no substitutes) on a day, the voorzitter first.</summary>
    public static IReadOnlyList<Member> DbSeats(HostFixture host, DateOnly day) =>
        host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("db", day)
            .Where(m => m.SubstituteFor is null).OrderBy(m => m.Role == MemberRole.Voorzitter ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Posts a form of the meeting page (<c>?handler=…</c>) with the page's antiforgery token; returns the status and the page's text.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> PostMeetingAsync(HttpClient signedIn, string meeting, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var path = $"/Vergaderingen/{meeting}";
        var page = await signedIn.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", HostFixture.AntiforgeryToken(page)) };
        using var response = await signedIn.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The attendance form: each seat with its presence ("aanwezig", "kennisgeving"); seats not named stay open (absent).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Attendance(IEnumerable<(string Member, string Presence)> seats, string? reconvenedAfter = null) =>
        seats.Select(s => new KeyValuePair<string, string>("aanwezigheid." + s.Member, s.Presence))
            .Concat(reconvenedAfter is null ? [] : [new KeyValuePair<string, string>("opnieuwNa", reconvenedAfter)]);
}
