using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Pages.Jaarkalender;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Jaarkalender;

/// <summary>The jaarkalender opens on the year that matters now and marks the meetings that took place.</summary>
public sealed class JaarkalenderYearTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("2026-06-01", new[] { "2026-04-15", "2026-09-09", "2027-02-10" }, 2026)]
    [InlineData("2026-12-06", new[] { "2026-04-15", "2026-12-02", "2027-02-10" }, 2027)]
    [InlineData("2026-12-02", new[] { "2026-04-15", "2026-12-02", "2027-02-10" }, 2026)]
    [InlineData("2026-12-06", new[] { "2026-04-15", "2026-12-02" }, 2026)]
    [InlineData("2030-03-01", new[] { "2026-04-15", "2027-02-10" }, 2027)]
    [InlineData("2026-03-01", new string[0], 2026)]
    public void The_year_that_matters_is_the_current_one_until_its_last_meeting_then_the_next(string today, string[] meetings, int expected)
    {
        IndexModel.YearThatMatters(meetings.Select(DateOnly.Parse), DateOnly.Parse(today)).Should().Be(expected);
    }

    [Fact]
    public async Task After_the_last_meeting_of_the_year_the_page_opens_on_the_next_and_marks_the_meetings_that_took_place()
    {
        // A fixed day ahead: 15 November of next year, with that year's last meeting on 1 November.
        var year = host.Today.Year + 1;
        host.MoveClockTo(new DateOnly(year, 11, 15), hour: 9);
        await ReplaceMeetingsAsync(($"{year}-03-04", "db"), ($"{year}-11-01", "ab"), ($"{year + 1}-02-10", "db"));
        using var client = await host.SignInAsync();

        var opened = WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender"));
        var past = WebUtility.HtmlDecode(await client.GetStringAsync($"/Jaarkalender?jaar={year}"));

        opened.Should().Contain($"Jaarkalender {year + 1}</h1>", "the meetings of {0} are all behind us", year);
        past.Should().Contain("2 vergaderingen van dit jaar zijn al geweest")
            .And.MatchRegex(@" 4 maart \d\d:\d\d\s*<span class=""ar-tag ar-tag--held"">geweest</span>")
            .And.MatchRegex(@" 1 november \d\d:\d\d\s*<span class=""ar-tag ar-tag--held"">geweest</span>");
        opened.Should().NotContain("ar-tag--held", "next year's meeting is still to come");

        // One more meeting this year: the page stays on this year until it has passed.
        await ReplaceMeetingsAsync(($"{year}-03-04", "db"), ($"{year}-11-01", "ab"), ($"{year}-12-09", "ab"), ($"{year + 1}-02-10", "db"));
        WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender")).Should().Contain($"Jaarkalender {year}</h1>");
        WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=volgend")).Should().Contain("'volgend' is geen jaar.");
    }

    private Task ReplaceMeetingsAsync(params (string Date, string Body)[] meetings) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(CalendarJson(k =>
        {
            var list = k["meetings"]!.AsArray();
            list.Clear();
            var n = 0;
            foreach (var (date, body) in meetings)
            {
                list.Add(new JsonObject { ["id"] = $"{body}-jaar-{++n}", ["body"] = body, ["date"] = date, ["time"] = "10:00", ["place"] = "Kantoor SamenDrenthe, Assen" });
            }
        }), "test"));
}
