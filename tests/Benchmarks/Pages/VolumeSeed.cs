using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using WorkflowChannel = AdviesRoute.Workflows.Runtime.Channel;

namespace AdviesRoute.Benchmarks.Pages;

/// <summary>What the seed made, as counted in the database afterwards.</summary>
internal sealed record SeedFacts(string Version, DateTimeOffset EndsAt, int Proposals, int Finished, int Open, long JournalLines, int Meetings,
    int CouncilRounds, int CollegeRounds, int Resumes, int Refused, TimeSpan Took);

/// <summary>
/// Several years of a GR's work driven through the real host's engine, as the people would do it, day by day on the
/// Testing clock: the secretary starts proposals of every kind on the shipped "voorstel" route, finishes preparation,
/// records each meeting's outcome on its day (now and then held over or amended), the councils give zienswijzen and
/// the colleges their answer (some too late, which the deadline timer records), the DB writes a reaction to each
/// zienswijze, and follow-up tasks are reported done. Every journal line, attribute, round and mail is the engine's own.
/// Only the choices come from a seeded random sequence, so each run of a seed version makes the same mix.
/// </summary>
internal sealed class VolumeSeed(PagesHost host, PagesSizes sizes)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static readonly string[] Themes =
    [
        "Jeugdgezondheidszorg", "Preventieakkoord", "Toezicht kinderopvang", "Infectieziektebestrijding", "Rijksvaccinatieprogramma",
        "Gezondheidsmonitor", "Huiselijk geweld en kindermishandeling", "Zorg- en Veiligheidshuis", "Crisisnoodopvang", "Sociale kaart",
        "Ouderengezondheid", "Medische milieukunde", "Seksuele gezondheid", "Lijkschouw", "Personele inzet GHOR", "Huisvesting Assen",
        "Informatiebeveiliging", "Digitale dossiers", "Tarieven 2e lijn", "Samenwerking veiligheidsregio",
    ];

    private readonly Random _random = new(20261206);
    private int _resumes;
    private int _refused;
    private int _started;

    public static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    public async Task<SeedFacts> RunAsync(Action<string> progress)
    {
        var took = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GovernanceStore>()
                .ReplaceCalendarAsync(FiveYearCalendar.Json(sizes.FirstYear, sizes.FirstYear + sizes.Years), "benchmark");
        }

        var first = new DateOnly(sizes.FirstYear, 1, 4);
        var last = sizes.SeedDays is { } days ? first.AddDays(days) : new DateOnly(sizes.FirstYear + sizes.Years - 1, 12, 31);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            // The working day ends at 20:00, after the evening's meeting: its outcome may be recorded then.
            host.MoveClockTo(At(day, 20));
            await host.SettleTimersAsync(TimeSpan.FromMinutes(2));
            await StartTodaysAsync(day);
            await AnswerAsync(day);
            if (day.Month != day.AddDays(-3).Month || day == last)
            {
                progress($"seed: {day:yyyy-MM-dd}, {_started} proposals started, {_resumes} answers recorded");
            }
        }

        await host.SettleTimersAsync(TimeSpan.FromMinutes(2));
        return Facts(took.Elapsed);
    }

    /// <summary>Counts what was made (from the database, not from what this class thinks it did).</summary>
    public SeedFacts Facts(TimeSpan took) => new(
        sizes.SeedVersion,
        host.Now,
        (int)host.Scalar("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"DefinitionId\" = 'voorstel'"),
        (int)host.Scalar("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"DefinitionId\" = 'voorstel' AND \"Status\" = 'Finished'"),
        (int)host.Scalar("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"DefinitionId\" = 'voorstel' AND \"Status\" = 'Suspended'"),
        host.Scalar("SELECT COUNT(*) FROM \"Journal\""),
        sizes.Years * FiveYearCalendar.MeetingsPerYear,
        (int)host.Scalar("SELECT COUNT(DISTINCT \"InstanceId\") FROM \"Journal\" WHERE \"ActivityId\" = 'zienswijzenronde'"),
        (int)host.Scalar("SELECT COUNT(DISTINCT \"InstanceId\") FROM \"Journal\" WHERE \"ActivityId\" = 'terugkoppeling'"),
        _resumes,
        _refused,
        took);

    // ---------------------------------------------------------------- starting

    private async Task StartTodaysAsync(DateOnly day)
    {
        foreach (var input in Todays(day))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel", input, new Trigger(PagesHost.AdminEmail, WorkflowChannel.Page));
            _started++;
        }
    }

    /// <summary>The P&amp;C cycle's fixed items on their days, and on every working day a chance of another proposal.</summary>
    private IEnumerable<JsonObject> Todays(DateOnly day)
    {
        var year = day.Year;
        var pillar = _random.Next(2) == 0 ? "PubliekeGezondheid" : "ZorgEnVeiligheid";
        JsonObject Proposal(string kind, string title, string summary) => new()
        {
            ["titel"] = title, ["pijler"] = pillar, ["soort"] = kind, ["samenvatting"] = summary,
        };

        switch ((day.Month, day.Day))
        {
            case (1, 5):
                yield return Proposal("kaderbrief", $"Kaderbrief {year + 2}", "De financiële en beleidsmatige kaders voor de begroting van het komende jaar.");
                yield return Proposal("begroting", $"Ontwerpbegroting {year + 1}", "De ontwerpbegroting met de meerjarenraming.");
                break;
            case (1, 12):
                yield return Proposal("jaarrekening", $"Jaarrekening {year - 1}", "De jaarstukken over het afgelopen jaar.");
                break;
            case (4, 6):
                yield return Proposal("viermaandsrapportage", $"Viermaandsrapportage {year}", "Stand van zaken na vier maanden.");
                break;
            case (8, 10):
                yield return Proposal("achtmaandsrapportage", $"Achtmaandsrapportage {year}", "Stand van zaken na acht maanden.");
                break;
        }

        // About five proposals a week besides the cycle: half policy, a third budget changes with zienswijzen of the 12
        // councils, a fifth consulting the 12 colleges, a few on the model without BACs.
        var count = (int)sizes.ProposalsPerWorkingDay + (_random.NextDouble() < sizes.ProposalsPerWorkingDay % 1 ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var theme = Themes[_random.Next(Themes.Length)];
            var roll = _random.NextDouble();
            if (roll < 0.35)
            {
                yield return Proposal("begrotingswijziging", $"Begrotingswijziging {theme} {year}", $"Een wijziging van de begroting {year} voor {theme.ToLowerInvariant()}.");
                continue;
            }

            var proposal = Proposal("beleidsvoorstel", $"{theme}: voorstel van {DutchDate(day)}", $"Een beleidsvoorstel over {theme.ToLowerInvariant()} voor de 12 gemeenten.");
            if (roll < 0.55)
            {
                proposal["terugkoppelingColleges"] = true;
            }
            else if (roll < 0.65)
            {
                proposal["bestuursmodel"] = "zonderBacs";
            }

            yield return proposal;
        }
    }

    private static string DutchDate(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    // ---------------------------------------------------------------- answering

    /// <summary>Everything people answer today, on every open proposal; a few callers at once, as several people work.</summary>
    private async Task AnswerAsync(DateOnly day)
    {
        var work = new List<(string InstanceId, string BookmarkId, JsonObject Input, Trigger Trigger)>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reader = scope.ServiceProvider.GetRequiredService<IWorkflowReader>();
            await foreach (var instance in reader.StreamInstancesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Suspended] }))
            {
                foreach (var (token, bookmark) in instance.Waiting())
                {
                    if (Answer(day, instance.Id, token.ActivityId, bookmark) is { } answer)
                    {
                        // A body answers through its personal link (the clerk named in the request); the rest on the pages.
                        var actor = answer.Channel == WorkflowChannel.Link
                            ? (bookmark.Payload?["email"] ?? bookmark.Payload?["naam"])?.GetValue<string>()
                            : PagesHost.AdminEmail;
                        work.Add((instance.Id, bookmark.Id, answer.Input, new Trigger(actor, answer.Channel)));
                    }
                }
            }
        }

        // One instance's answers in order (they touch the same state); different instances side by side.
        await Parallel.ForEachAsync(work.GroupBy(w => w.InstanceId), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (group, cancellationToken) =>
        {
            foreach (var (instanceId, bookmarkId, input, trigger) in group)
            {
                await using var scope = host.Services.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>()
                        .ResumeAsync(instanceId, bookmarkId, input, trigger, cancellationToken);
                    Interlocked.Increment(ref _resumes);
                }
                catch (WorkflowException)
                {
                    // A bookmark an earlier answer of the same burst closed (a round that ended), or a refusal: counted.
                    Interlocked.Increment(ref _refused);
                }
            }
        });
    }

    /// <summary>What a person answers today at this bookmark, or null when nobody acts on it today.</summary>
    private (JsonObject Input, WorkflowChannel Channel)? Answer(DateOnly day, string instanceId, string activityId, BookmarkView bookmark)
    {
        var payload = bookmark.Payload ?? [];
        var waited = day.DayNumber - DutchTime.Today(bookmark.CreatedAt).DayNumber;

        // Each party's own pace, fixed per proposal and party so it does not change from day to day.
        var pace = Math.Abs(HashCode.Combine(Stable(instanceId), Stable(payload["orgaan"]?.GetValue<string>() ?? bookmark.Name)) % 1000) / 1000.0;
        switch (bookmark.Name)
        {
            case "Voorbereiding":
                return waited >= 4 + (int)(pace * 10) ? (new JsonObject { ["uitkomst"] = "gereed" }, WorkflowChannel.Page) : null;

            case "Vergadering":
                if (payload["vergadering"]?["datum"]?.GetValue<string>() is not { } date
                    || DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) > day)
                {
                    return null;
                }

                return (activityId == "advies" ? AdviceOutcome(pace) : DecisionOutcome(activityId, pace), WorkflowChannel.Page);

            case "Antwoord" when activityId == "zienswijzenronde":
                // Most councils answer within their 12 weeks, at their own pace; one in four lets the term pass.
                return pace < 0.75 && waited >= 10 + (int)(pace * 90) ? (Zienswijze(pace), WorkflowChannel.Link) : null;

            case "Antwoord":
                return pace < 0.85 && waited >= 3 + (int)(pace * 30)
                    ? (pace < 0.7 ? new JsonObject { ["antwoord"] = "instemming" } : new JsonObject { ["antwoord"] = "bedenkingen", ["tekst"] = "Het college vraagt eerst de gevolgen voor de eigen begroting uit te werken." }, WorkflowChannel.Link)
                    : null;

            case "Reactie":
                return waited >= 2 ? (new JsonObject { ["reactie"] = "Het dagelijks bestuur dankt de raad voor de zienswijze en neemt haar gemotiveerd mee in het voorstel aan het algemeen bestuur." }, WorkflowChannel.Page) : null;

            case "Nazorg":
                return waited >= 3 ? (new JsonObject { ["uitkomst"] = "gereed" }, WorkflowChannel.Page) : null;

            default:
                // Reminders, deadlines and "not dealt with" are timers: the engine fires them itself.
                return null;
        }
    }

    private JsonObject AdviceOutcome(double pace) => _random.NextDouble() switch
    {
        < 0.70 => new JsonObject { ["uitkomst"] = "positief" },
        < 0.92 => new JsonObject { ["uitkomst"] = "positiefMetKanttekeningen", ["toelichting"] = "Let op de uitvoeringskosten voor de kleinere gemeenten." },
        _ when pace < 0.5 => new JsonObject { ["uitkomst"] = "negatief", ["toelichting"] = "Eerst de financiering per gemeente uitwerken." },
        _ => new JsonObject { ["uitkomst"] = "positief" },
    };

    private JsonObject DecisionOutcome(string activityId, double pace) => _random.NextDouble() switch
    {
        < 0.84 => new JsonObject { ["uitkomst"] = "vastgesteld" },
        < 0.93 => new JsonObject { ["uitkomst"] = "aangehouden" },
        < 0.97 when activityId == "besluitAb" => new JsonObject { ["uitkomst"] = "gewijzigdVastgesteld", ["toelichting"] = "Amendement 1 aangenomen." },
        _ when pace < 0.2 => new JsonObject { ["uitkomst"] = "verworpen" },
        _ => new JsonObject { ["uitkomst"] = "vastgesteld" },
    };

    private static JsonObject Zienswijze(double pace) => pace switch
    {
        < 0.45 => new JsonObject { ["antwoord"] = "positief", ["tekst"] = "De raad stemt in met het ontwerp." },
        < 0.65 => new JsonObject { ["antwoord"] = "positiefMetKanttekeningen", ["tekst"] = "De raad stemt in, maar vraagt de indexatie te beperken." },
        _ => new JsonObject { ["antwoord"] = "negatief", ["tekst"] = "De raad kan niet instemmen met de hogere bijdrage per inwoner." },
    };

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static int Stable(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }
}
