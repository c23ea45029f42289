using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Pages.Voorstellen;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>Mijn taken: what waits on a secretary, for their pillar and bodies; and the weekly digest of it.</summary>
public sealed class TasksTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Password = "Proef-Wachtwoord-2026!";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task A_secretary_sees_the_tasks_of_her_pillar_and_bodies_and_gets_them_in_the_weekly_digest()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00")), "test"));
        await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = "secretariaat.pg@example.org", Email = "secretariaat.pg@example.org", DisplayName = "Anna Smit", EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, Roles.Secretary);
            await SecretaryScope.SaveAsync(users, user, "PubliekeGezondheid", ["db"]);
            return true;
        });

        // Three proposals: a PG one at the DB (hers), a PG one still in preparation (another body), a ZV one at the DB (another pillar).
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        async Task<string> StartAsync(string title, string pillar, bool toDb)
        {
            var started = await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = title, ["pijler"] = pillar, ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
            if (toDb)
            {
                await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
            }

            return started.InstanceId;
        }

        await StartAsync("Rapportage PG bij het DB", "PubliekeGezondheid", toDb: true);
        await StartAsync("Rapportage PG in voorbereiding", "PubliekeGezondheid", toDb: false);
        await StartAsync("Rapportage ZV bij het DB", "ZorgEnVeiligheid", toDb: true);

        using var anna = await host.SignInAsync("secretariaat.pg@example.org", Password);
        var page = WebUtility.HtmlDecode(await anna.GetStringAsync("/Voorstellen/Taken"));
        page.Should().Contain("Rapportage PG bij het DB").And.Contain("Uitkomst van de vergadering vastleggen")
            .And.NotContain("Rapportage PG in voorbereiding").And.NotContain("Rapportage ZV bij het DB");
        // The DB meeting's convocation is hers too (the documents deadline is within the week); it serves both pillars.
        page.Should().Contain("Convocatie met agenda en stukken versturen (2 agendapunten)");

        // Widening her scope to all bodies brings in the preparation task.
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(await anna.GetStringAsync("/Voorstellen/Taken")), ["pijler"] = "PubliekeGezondheid" };
        var widened = WebUtility.HtmlDecode(await (await anna.PostAsync("/Voorstellen/Taken?handler=scope", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        widened.Should().Contain("Uw werkgebied is opgeslagen.").And.Contain("Rapportage PG in voorbereiding").And.Contain("Voorbereiding afronden").And.NotContain("Rapportage ZV bij het DB");

        // The weekly digest, run twice in one week, is one mail: the second run queues nothing.
        (await host.WithScopeAsync(sp => sp.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None))).Should().BeGreaterThanOrEqualTo(1);
        await host.WithScopeAsync(sp => sp.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None));
        var digest = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == "secretariaat.pg@example.org")).Should().ContainSingle().Subject;
        // Only what is due within two weeks (or has no date): the DB's outcome is due some four weeks ahead, the
        // convocation by the documents deadline within the week.
        digest.Subject.Should().StartWith("Weekoverzicht AdviesRoute: 2 taken");
        digest.Text.Should().Contain("Rapportage PG in voorbereiding – Voorbereiding afronden").And.Contain("/Voorstellen/")
            .And.Contain("– Convocatie met agenda en stukken versturen (2 agendapunten) (stukken ").And.Contain("/Vergaderingen/db-proef")
            .And.NotContain("Rapportage PG bij het DB").And.NotContain("Rapportage ZV");
    }
}
