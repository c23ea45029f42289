using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>A proposal the story made, to fill the routes' <c>{id}</c>.</summary>
public sealed record MadeProposal(string Id, string Title, string State);

/// <summary>
/// The data the crawl reads, made as the secretariat and the members make it: the start form (with documents, one of them
/// confidential), the proposal page's actions, the meeting page's agenda and convocation, the personal links in the mails,
/// and the Testing clock where a meeting or a deadline must come first. From 4 January to 15 April 2027:
/// <list type="bullet">
/// <item>"Ontwerpbegroting 2028" on the shipped route: the DB of 20 January sends it to the councils; four answer by
/// their link (positive with remarks, negative, positive, no zienswijze), eight stay silent until the twelve weeks end;
/// the board reacts to one zienswijze, two reactions are still to be written.</item>
/// <item>"Regionale aanpak hitte en gezondheid" on the test-only route with written BAC advice
/// (<c>proef-schriftelijk-advies.json</c>, beside this file, until a procedure ships one): the BAC members vote by link
/// until the advice is certain, the DB adopts it amended and asks the twelve colleges, two of which answer.</item>
/// <item>"Preventieakkoord Drenthe" on the same route, its written round open with two votes; a member asks for the code
/// to its confidential document (in the browser, before the crawl).</item>
/// <item>"Visie op gezondheidsbevordering 2027-2030" on the shipped route, sent back in preparation.</item>
/// </list>
/// The secretaries' weekly digest is sent too, as its Monday job sends it.
/// </summary>
internal sealed partial class LanguageStory(LanguageHost host) : IDisposable
{
    public const string WrittenAdviceRoute = "proef-schriftelijk-advies";
    private const string Begroting = "Ontwerpbegroting 2028";
    private const string Hitte = "Regionale aanpak hitte en gezondheid";
    private const string Preventie = "Preventieakkoord Drenthe";
    private const string Visie = "Visie op gezondheidsbevordering 2027-2030";

    private static readonly TimeZoneInfo Netherlands = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly HttpClient _secretary = host.Client();
    private readonly HttpClient _api = host.Client(HostFixture.SecretaryKey);
    private readonly HttpClient _clock = host.Client(LanguageHost.AdminKey);

    public List<MadeProposal> Proposals { get; } = [];

    /// <summary>The meetings the proposals were decided in or wait for.</summary>
    public SortedSet<string> Meetings { get; } = new(StringComparer.Ordinal);

    /// <summary>The personal link of a BAC member who has not voted yet on a proposal with a confidential document.</summary>
    public string OpenLinkWithConfidentialDocument { get; private set; } = "";

    /// <summary>The proposals' titles, to tell one kind of mail from another whatever proposal it is about.</summary>
    public static IReadOnlyList<string> Titles { get; } = [Begroting, Hitte, Preventie, Visie];

    /// <summary>The test-only route, as committed beside this file.</summary>
    public static string WrittenAdviceRouteFile => Path.Combine(MaildevServer.RepositoryRoot(), "tests", "Host.Tests", "Language", WrittenAdviceRoute + ".json");

    public async Task RunAsync()
    {
        await SignInAsync(_secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await PublishWrittenAdviceRouteAsync();

        // 4 January 2027: the ontwerpbegroting is prepared for the DB of 20 January; the visie goes back for rework.
        var begroting = await StartAsync(Begroting, "begroting", "voorstel", "De ontwerpbegroting 2028 met de meerjarenraming.", colleges: false,
            ("Ontwerpbegroting 2028.pdf", false));
        await ActAsync(_secretary, _api, begroting, "voorbereiding", "Voorbereiding", Outcome("gereed"));
        var visie = await StartAsync(Visie, "beleidsvoorstel", "voorstel", "Een visie voor vier jaar.", colleges: false);
        await ActAsync(_secretary, _api, visie, "voorbereiding", "Voorbereiding", Outcome("herzien", "De visie eerst afstemmen met de GGD-regio's in het noorden."));
        var db = MeetingOf(await WaitingAsync(_api, begroting, "besluitDb", "Vergadering"))!;
        Meetings.Add(db);
        await SaveAgendaAsync(_secretary, db, [(begroting, 1, "bespreekstuk")]);
        await SendConvocationAsync(_secretary, db);

        // The DB meets and sends the ontwerpbegroting to the twelve councils; four answer by their link.
        await AdvanceToMeetingAsync(db);
        await OutcomeAsync(begroting, "besluitDb", "vastgesteld", "Ongewijzigd naar de raden voor hun zienswijze.");
        var councils = await LinkMailsAsync(Begroting, 12, new HashSet<string>());
        foreach (var (place, answer, text) in new[]
                 {
                     ("assen", "positiefMetKanttekeningen", "De raad vraagt de stijging van de bijdrage per inwoner te beperken."),
                     ("tynaarlo", "negatief", "De raad kan niet instemmen met de verhoging van de gemeentelijke bijdrage."),
                     ("hoogeveen", "positief", "De raad stemt in met de begroting."),
                     ("emmen", "geenZienswijze", null),
                 })
        {
            using var clerk = host.Client();
            await councils.Single(m => m.To.EndsWith($"@{place}.example.org", StringComparison.Ordinal)).ChooseAsync(clerk, answer, text);
        }

        // 25 January: the hitteplan goes to the BAC in writing; its members vote until the advice is certain.
        await AdvanceToAsync(Amsterdam(2027, 1, 25, 9, 0));
        var hitte = await StartAsync(Hitte, "beleidsvoorstel", WrittenAdviceRoute, "Een gezamenlijk hitteplan voor de twaalf gemeenten.", colleges: true,
            ("Hitteplan Drenthe.pdf", false), ("Kosten per gemeente.pdf", true));
        await ActAsync(_secretary, _api, hitte, "voorbereiding", "Voorbereiding", Outcome("gereed"));
        await WaitingAsync(_api, hitte, "advies", "Stem");
        var advice = await LinkMailsAsync(Hitte, 12, new HashSet<string>());
        await VoteAsync(hitte, advice, [
            ("positief", null),
            ("positiefMetKanttekeningen", "Graag aandacht voor ouderen in de kleine kernen."),
            ("negatief", "Eerst de kosten voor de gemeenten in beeld."),
            ("onthouding", null),
        ], untilClosed: true);

        // Its DB adopts it amended and asks the colleges; two answer.
        var hitteDb = MeetingOf(await WaitingAsync(_api, hitte, "besluitDb", "Vergadering"))!;
        Meetings.Add(hitteDb);
        await AdvanceToMeetingAsync(hitteDb);
        await OutcomeAsync(hitte, "besluitDb", "gewijzigdVastgesteld", "Beslispunt 2 aangevuld: na een jaar evalueren.",
            ("beslispunt.2", $"in te stemmen met {Hitte} en de aanpak na een jaar te evalueren."));
        var colleges = await LinkMailsAsync(Hitte, 12, advice.Select(m => m.LinkPath).ToHashSet());
        using (var college = host.Client())
        {
            await colleges[0].ChooseAsync(college, "instemming");
        }

        using (var college = host.Client())
        {
            await colleges[1].ChooseAsync(college, "bedenkingen", "Het college wil eerst de kosten voor de eigen gemeente zien.");
        }

        // 15 April: the twelve weeks of the councils have ended; the board reacts to one zienswijze. The preventieakkoord
        // starts its written round, which stays open.
        await AdvanceToAsync(Amsterdam(2027, 4, 15, 9, 0));
        var reactions = await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api, begroting)).Where(b => b.Name == "Reactie").ToList() is { Count: > 0 } list ? list : null,
            "the reactions to the zienswijzen");
        await ResumeOnPageAsync(_secretary, begroting, reactions[0].Id,
            new Dictionary<string, string> { ["invoer.reactie"] = "Het bestuur dankt de raad en beperkt de stijging van de bijdrage tot de loon- en prijsontwikkeling." });
        var preventie = await StartAsync(Preventie, "beleidsvoorstel", WrittenAdviceRoute, "Afspraken over roken, alcohol en overgewicht.", colleges: false,
            ("Preventieakkoord Drenthe.pdf", false), ("Inzet per gemeente.pdf", true));
        await ActAsync(_secretary, _api, preventie, "voorbereiding", "Voorbereiding", Outcome("gereed"));
        await WaitingAsync(_api, preventie, "advies", "Stem");
        var members = await LinkMailsAsync(Preventie, 12, new HashSet<string>());
        await VoteAsync(preventie, members, [("positief", null), ("negatief", "De rol van de sportverenigingen ontbreekt.")], untilClosed: false);
        OpenLinkWithConfidentialDocument = members[^1].LinkPath;

        // Monday 07:00 the secretaries get their weekly digest (a recurring job on the wall clock; run here as it runs then).
        await host.WithScopeAsync(sp => sp.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None));

        foreach (var proposal in Proposals)
        {
            foreach (var waiting in Bookmarks(await InstanceAsync(_api, proposal.Id)).Where(b => b.Name == "Vergadering" && b.Payload?["vergadering"] is JsonObject))
            {
                if (MeetingOf(waiting) is { } meeting)
                {
                    Meetings.Add(meeting);
                }
            }
        }

        // One open request of each round that is still running, for the page that records an answer on a party's behalf.
        foreach (var proposal in Proposals)
        {
            if (Bookmarks(await InstanceAsync(_api, proposal.Id)).FirstOrDefault(b => b.Name is "Antwoord" or "Stem") is { } open)
            {
                RoundRequests.Add((proposal.Id, proposal.Title, open.Id));
            }
        }

        await AllMailSentAsync();
    }

    /// <summary>An open request of each running round: the proposal, its title and the request's bookmark.</summary>
    public List<(string ProposalId, string Title, string BookmarkId)> RoundRequests { get; } = [];

    /// <summary>The proposal's instance as the API shows it, for the code book (its journal's kinds and outcomes).</summary>
    public async Task<System.Text.Json.JsonElement> InstanceJsonAsync(string id) =>
        await _api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/instances/{Uri.EscapeDataString(id)}");

    private Task PublishWrittenAdviceRouteAsync() => PublishWrittenAdviceRouteAsync(host);

    /// <summary>The process owner imports and publishes the test-only route, as the designer's import does.</summary>
    internal static async Task PublishWrittenAdviceRouteAsync(LanguageHost host)
    {
        using var owner = host.Client(HostFixture.ProcessOwnerKey);
        using var imported = await owner.PostAsync("/api/definitions/import",
            new StringContent(await File.ReadAllTextAsync(WrittenAdviceRouteFile), Encoding.UTF8, "application/json"));
        imported.IsSuccessStatusCode.Should().BeTrue(await imported.Content.ReadAsStringAsync());
        using var published = await owner.PostAsync($"/api/definitions/{WrittenAdviceRoute}/draft/publish", null);
        published.IsSuccessStatusCode.Should().BeTrue(await published.Content.ReadAsStringAsync());
    }

    /// <summary>Starts a proposal through the start form, with its documents, as the secretary's browser posts it.</summary>
    private async Task<string> StartAsync(string title, string kind, string route, string summary, bool colleges, params (string Name, bool Confidential)[] documents)
    {
        var page = await _secretary.GetStringAsync("/Voorstellen/Nieuw");
        var holder = PortfolioHolderPattern().Match(page);
        holder.Success.Should().BeTrue("the start form offers a portfolio holder");
        using var form = new MultipartFormDataContent
        {
            // The page reads the form as a stream and checks the token first: it goes first.
            { new StringContent(Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Titel" },
            { new StringContent("PubliekeGezondheid"), "Input.Pijler" },
            { new StringContent(kind), "Input.Soort" },
            { new StringContent(summary), "Input.Samenvatting" },
            { new StringContent(WebUtility.HtmlDecode(holder.Groups["id"].Value)), "Input.Portefeuillehouder" },
            { new StringContent(""), "Input.GewensteVergadering" },
            { new StringContent("metBacs"), "Input.Bestuursmodel" },
            { new StringContent(route), "Input.Route" },
            { new StringContent("kennis te nemen van de stukken;\nin te stemmen met " + title + "."), "Besluit.Beslispunten" },
        };
        if (colleges)
        {
            form.Add(new StringContent("true"), "Input.TerugkoppelingColleges");
        }

        for (var i = 0; i < documents.Length; i++)
        {
            var file = new ByteArrayContent(Pdf(documents[i].Name));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, $"Document{i + 1}", documents[i].Name);
            if (documents[i].Confidential)
            {
                form.Add(new StringContent("true"), $"Vertrouwelijk{i + 1}");
            }
        }

        using var response = await _secretary.PostAsync("/Voorstellen/Nieuw", form);
        var location = response.Headers.Location?.OriginalString ?? "";
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the start form starts '{0}': {1}", title, Errors(await response.Content.ReadAsStringAsync()));
        var id = Uri.UnescapeDataString(location["/Voorstellen/".Length..]);
        Proposals.Add(new MadeProposal(id, title, kind));
        return id;
    }

    /// <summary>Records a meeting's outcome on the proposal's page.</summary>
    /// <param name="amended">With "gewijzigd vastgesteld": the amended text of a beslispunt, as the form's field (<c>beslispunt.2</c>) and text.</param>
    private async Task OutcomeAsync(string id, string activity, string outcome, string remark, (string Field, string Text)? amended = null)
    {
        var waiting = await WaitingAsync(_api, id, activity, "Vergadering");
        var fields = Outcome(outcome, remark);
        if (amended is { } point)
        {
            fields[point.Field] = point.Text;
        }

        await ResumeOnPageAsync(_secretary, id, waiting.Id, fields);
    }

    /// <summary>The members vote by their links, in turn, with the given choices and then in favour, until the round is closed or the choices run out.</summary>
    private async Task VoteAsync(string id, IReadOnlyList<RequestMail> mails, IReadOnlyList<(string Choice, string? Remark)> choices, bool untilClosed)
    {
        for (var i = 0; i < mails.Count && (untilClosed || i < choices.Count); i++)
        {
            if (!Bookmarks(await InstanceAsync(_api, id)).Any(b => b.Name == "Stem"))
            {
                return;
            }

            var (choice, remark) = i < choices.Count ? choices[i] : ("positief", null);
            using var member = host.Client();
            await mails[i].ChooseAsync(member, choice, remark);
        }

        if (untilClosed)
        {
            await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api, id)).Any(b => b.Name == "Stem") ? null : "closed", $"the written round of {id} to close");
        }
    }

    /// <summary>
    /// The link mails about a proposal not seen before, one per addressee, in the order of their addresses, once each
    /// link opens: a link is stored just after its mail is sent.
    /// </summary>
    private async Task<IReadOnlyList<RequestMail>> LinkMailsAsync(string title, int count, IReadOnlySet<string> seen)
    {
        var mails = (await RequestMail.InAsync(host.MailFolder, count, m => m.Subject.EndsWith(title, StringComparison.Ordinal) && !seen.Contains(m.LinkPath)))
            .GroupBy(m => m.LinkPath).Select(g => g.First()).OrderBy(m => m.To, StringComparer.Ordinal).ToList();
        using var member = host.Client();
        foreach (var mail in mails)
        {
            await EventuallyAsync(async () =>
            {
                using var response = await member.GetAsync(mail.LinkPath);
                return response.StatusCode == HttpStatusCode.NotFound ? null : "stored";
            }, $"the link of {mail.To} to be stored");
        }

        return mails;
    }

    /// <summary>Moves the clock to the evening of a meeting (the outcome comes after the meeting).</summary>
    private async Task AdvanceToMeetingAsync(string meeting)
    {
        var calendar = (await _api.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!;
        var date = DateOnly.ParseExact(calendar["document"]!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == meeting)!["date"]!.GetValue<string>(),
            "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AdvanceToAsync(Amsterdam(date.Year, date.Month, date.Day, 22, 0));
    }

    /// <summary>Moves the clock on; a session's expiry is read on that clock, so the secretary signs in again after a jump.</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(_clock, moment);
        await SignInAsync(_secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
    }

    /// <summary>Waits (real time, bounded) until the outbox has delivered every mail queued so far.</summary>
    public Task AllMailSentAsync() =>
        EventuallyAsync(async () => (await host.OutboxAsync("\"SentAt\" IS NULL")).Count == 0 ? "sent" : null, "every queued mail to be delivered");

    private static Dictionary<string, string> Outcome(string outcome, string? remark = null) => remark is null
        ? new() { ["invoer.uitkomst"] = outcome }
        : new() { ["invoer.uitkomst"] = outcome, ["invoer.toelichting"] = remark };

    private static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Netherlands.GetUtcOffset(local));
    }

    public void Dispose()
    {
        _secretary.Dispose();
        _api.Dispose();
        _clock.Dispose();
    }

    [GeneratedRegex("<select[^>]*name=\"Input.Portefeuillehouder\"[^>]*>.*?<option value=\"(?<id>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex PortfolioHolderPattern();
}
