using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.FixtureMaker;

/// <summary>A proposal the story made: what it is and who answered through their link.</summary>
internal sealed record MadeProposal(string Role, string Id, string Title, string DefinitionId, string Kind, string Pillar, IReadOnlyList<string> AnsweredBy);

/// <summary>
/// What the secretariat and the members do from November 2026 to the end of January 2027, through the pages, the API
/// and the links in the mails, so that on <see cref="Moment"/> there is a proposal in every state worth keeping: in
/// preparation, in a zienswijzenronde with some answers, in a written BAC round with some votes, held over to a DB
/// meeting, as a hamerstuk on that meeting's agenda, on a BAC agenda, finished and cancelled.
/// </summary>
internal sealed class Story(MakerHost host, string folder)
{
    /// <summary>The clock of the first step: Monday 2 November 2026, before the documents deadline of the DB of 18 November.</summary>
    public static readonly DateTimeOffset Start = Amsterdam(2026, 11, 2, 9, 0);

    /// <summary>The fixture's moment: Monday 1 February 2027, 09:00 in the Netherlands.</summary>
    public static readonly DateTimeOffset Moment = Amsterdam(2027, 2, 1, 9, 0);

    /// <summary>The copy of the shipped <c>voorstel</c> whose BAC advice is given in writing.</summary>
    public const string WrittenAdviceDefinition = "voorstel-schriftelijk";

    private readonly HttpClient _secretary = host.Browser();
    private readonly HttpClient _api = host.Api();
    private readonly List<MadeProposal> _made = [];

    public async Task<IReadOnlyList<MadeProposal>> RunAsync()
    {
        await SignInAsync(_secretary, MakerHost.AdminEmail, MakerHost.AdminPassword);
        await PublishWrittenAdviceCopyAsync();

        // 2 November 2026: an achtmaandsrapportage goes to the DB of 18 November; a beleidsvoorstel is started.
        var finished = await StartAsync(StoredRoles.Finished, new NewProposal("Achtmaandsrapportage 2026", "PubliekeGezondheid", "achtmaandsrapportage", "metBacs",
            Summary: "De financiële en inhoudelijke stand na acht maanden."));
        await PrepareAsync(finished, "gereed");
        var cancelled = await StartAsync(StoredRoles.Cancelled, new NewProposal("Subsidieregeling sportdeelname jeugd", "ZorgEnVeiligheid", "beleidsvoorstel", "zonderBacs"));

        // 18 November: the DB adopts the rapportage (on to the AB of 9 December); the beleidsvoorstel is withdrawn.
        await AdvanceToAsync(Amsterdam(2026, 11, 18, 12, 0));
        await OutcomeAsync(finished, "besluitDb", "db-2026-11-18", "vastgesteld", "Zonder wijzigingen door naar het algemeen bestuur.");
        await CancelOnPageAsync(_secretary, cancelled, "Ingetrokken: de regeling gaat op in de sportregeling van de provincie.");

        // 9 December: the AB adopts it; the decision is announced to the councils and colleges and the route ends.
        await AdvanceToAsync(Amsterdam(2026, 12, 9, 22, 0));
        await OutcomeAsync(finished, "besluitAb", "ab-2026-12-09", "vastgesteld", null);
        await StatusAsync(_api, finished, "Finished");

        // 4 January 2027: the ontwerpbegroting (with its document) and a beleidsvoorstel of the model without BACs go to the DB of 20 January.
        await AdvanceToAsync(Amsterdam(2027, 1, 4, 9, 0));
        var begroting = await StartAsync(StoredRoles.Zienswijzen, new NewProposal("Ontwerpbegroting 2028", "PubliekeGezondheid", "begroting", "metBacs",
            Summary: "De ontwerpbegroting 2028 met de meerjarenraming.", Document: ("Ontwerpbegroting 2028.pdf", Pdf("Ontwerpbegroting 2028"))));
        await PrepareAsync(begroting, "gereed");
        var heldOver = await StartAsync(StoredRoles.HeldOver, new NewProposal("Tarieven Veilig Thuis 2027", "ZorgEnVeiligheid", "beleidsvoorstel", "zonderBacs"));
        await PrepareAsync(heldOver, "gereed");
        await SaveAgendaAsync(_secretary, "db-2027-01-20", [(heldOver, 1, "hamerstuk"), (begroting, 2, "bespreekstuk")]);
        await SendConvocationAsync(_secretary, "db-2027-01-20");

        // 20 January: the DB holds the tarieven over to its next meeting and sends the ontwerpbegroting to the councils.
        await AdvanceToAsync(Amsterdam(2027, 1, 20, 12, 0));
        await OutcomeAsync(heldOver, "besluitDb", "db-2027-01-20", "aangehouden", "Eerst de tarieven van de buurregio's vergelijken.");
        await OutcomeAsync(begroting, "besluitDb", "db-2027-01-20", "vastgesteld", null);
        await WaitingAsync(_api, begroting, "zienswijzenronde", "Antwoord");
        var councils = await RequestMail.InAsync(MailFolder, 12, m => m.Subject.EndsWith("Ontwerpbegroting 2028", StringComparison.Ordinal));
        var answered = new List<string>();
        foreach (var (place, answer, text) in new[]
        {
            ("assen", "positiefMetKanttekeningen", "De raad vraagt de stijging van de bijdrage per inwoner te beperken."),
            ("emmen", "geenZienswijze", null),
            ("tynaarlo", "negatief", "De raad kan niet instemmen met de verhoging van de gemeentelijke bijdrage."),
        })
        {
            var mail = councils.Single(m => m.To.EndsWith($"@{place}.example.org", StringComparison.Ordinal));
            using var member = host.Browser();
            await mail.ChooseAsync(member, answer, text);
            answered.Add(mail.To);
        }

        Answered(StoredRoles.Zienswijzen, answered);

        // 25 January: a beleidsvoorstel on the route with a written BAC advice; three BAC members vote by their link.
        await AdvanceToAsync(Amsterdam(2027, 1, 25, 9, 0));
        var written = await StartAsync(StoredRoles.WrittenAdvice, new NewProposal("Regionale aanpak hitte en gezondheid", "PubliekeGezondheid", "beleidsvoorstel", "metBacs",
            WrittenAdviceDefinition, "Een gezamenlijk hitteplan voor de twaalf gemeenten."));
        await PrepareAsync(written, "gereed");
        await WaitingAsync(_api, written, "advies", "Stem");
        var members = (await RequestMail.InAsync(MailFolder, 12, m => m.Subject.EndsWith("Regionale aanpak hitte en gezondheid", StringComparison.Ordinal)))
            .OrderBy(m => m.To, StringComparer.Ordinal).ToList();
        var voted = new List<string>();
        foreach (var (mail, choice, remark) in new[]
        {
            (members[0], "positief", (string?)null),
            (members[1], "positiefMetKanttekeningen", "Graag aandacht voor ouderen in de kleine kernen."),
            (members[2], "negatief", "Eerst de kosten voor de gemeenten in beeld."),
        })
        {
            using var member = host.Browser();
            await mail.ChooseAsync(member, choice, remark);
            voted.Add(mail.To);
        }

        Answered(StoredRoles.WrittenAdvice, voted);

        // The kaderbrief goes to the BAC Zorg en Veiligheid of 24 February; a visie is sent back for rework once.
        var kaderbrief = await StartAsync(StoredRoles.AtBacMeeting, new NewProposal("Kaderbrief 2029", "ZorgEnVeiligheid", "kaderbrief", "metBacs"));
        await PrepareAsync(kaderbrief, "gereed");
        if (MeetingOf(await WaitingAsync(_api, kaderbrief, "advies", "Vergadering")) != "bac-zv-2027-02-24")
        {
            throw new InvalidOperationException("The kaderbrief is not on the BAC meeting of 24 February 2027.");
        }

        // The jaarrekening still makes the DB of 10 February (documents by 27 January), as a hamerstuk before the tarieven.
        var jaarrekening = await StartAsync(StoredRoles.OnAgenda, new NewProposal("Jaarrekening 2026", "ZorgEnVeiligheid", "jaarrekening", "metBacs"));
        await PrepareAsync(jaarrekening, "gereed");
        await SaveAgendaAsync(_secretary, "db-2027-02-10", [(heldOver, 1, "bespreekstuk"), (jaarrekening, 2, "hamerstuk")]);

        var visie = await StartAsync(StoredRoles.Preparation, new NewProposal("Visie op gezondheidsbevordering 2027-2030", "PubliekeGezondheid", "beleidsvoorstel", "metBacs"));
        await PrepareAsync(visie, "herzien", "De visie eerst afstemmen met de GGD-regio's in het noorden.");
        await WaitingAsync(_api, visie, "voorbereiding", "Voorbereiding");

        // Just before the moment, so that nothing falls due between the end of the story and the moment itself.
        await AdvanceToAsync(Moment.AddMinutes(-2));
        return _made;
    }

    /// <summary>Moves the clock on; the session cookie's expiry is read on that clock, so the secretary signs in again after a jump.</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(_api, moment);
        await SignInAsync(_secretary, MakerHost.AdminEmail, MakerHost.AdminPassword);
    }

    private string MailFolder => Path.Combine(folder, StoredFixture.MailFolder);

    public static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local));
    }

    private async Task<string> StartAsync(string role, NewProposal proposal)
    {
        var id = await StartProposalAsync(_secretary, proposal);
        _made.Add(new MadeProposal(role, id, proposal.Title, proposal.Route, proposal.Kind, proposal.Pillar, []));
        return id;
    }

    private void Answered(string role, IReadOnlyList<string> addresses)
    {
        var index = _made.FindIndex(p => p.Role == role);
        _made[index] = _made[index] with { AnsweredBy = addresses };
    }

    private Task PrepareAsync(string id, string outcome, string? remark = null) =>
        ActAsync(_secretary, _api, id, "voorbereiding", "Voorbereiding", Fields(outcome, remark));

    /// <summary>Records a meeting's outcome on the proposal's page, after checking the item is on that meeting.</summary>
    private async Task OutcomeAsync(string id, string activity, string meeting, string outcome, string? remark)
    {
        var waiting = await WaitingAsync(_api, id, activity, "Vergadering");
        if (MeetingOf(waiting) != meeting)
        {
            throw new InvalidOperationException($"Proposal {id} waits at {activity} for meeting {MeetingOf(waiting)}, not {meeting}.");
        }

        await ResumeOnPageAsync(_secretary, id, waiting.Id, Fields(outcome, remark));
    }

    private static Dictionary<string, string> Fields(string outcome, string? remark) => remark is null
        ? new() { ["invoer.uitkomst"] = outcome }
        : new() { ["invoer.uitkomst"] = outcome, ["invoer.toelichting"] = remark };

    /// <summary>
    /// Imports and publishes a copy of the shipped <c>voorstel</c> in which the BAC advises in writing: no BAC meeting
    /// to schedule (the copy leaves out "Agenderen in de BAC"), a round of three weeks by personal link instead.
    /// </summary>
    private async Task PublishWrittenAdviceCopyAsync()
    {
        var shipped = (await _api.GetFromJsonAsync<JsonArray>("/api/definitions"))!
            .Single(d => d!["definitionId"]!.GetValue<string>() == "voorstel")!;
        var definition = (await _api.GetFromJsonAsync<JsonObject>($"/api/definitions/voorstel/versions/{shipped["version"]}"))!;
        definition["definitionId"] = WrittenAdviceDefinition;
        definition["name"] = "Voorstel met schriftelijk BAC-advies";
        definition["description"] = "Als 'Voorstel aan het algemeen bestuur', maar de BAC adviseert schriftelijk: elk lid kiest via een persoonlijke link binnen drie weken.";
        var root = definition["root"]!.AsObject();
        var activities = root["activities"]!.AsArray();
        activities.Remove(activities.Single(a => a!["id"]!.GetValue<string>() == "agendeerBac"));
        var advies = activities.Single(a => a!["id"]!.GetValue<string>() == "advies")!["inputs"]!.AsObject();
        advies["wijze"] = "schriftelijk";
        advies["termijn"] = "P3W";
        var connections = root["connections"]!.AsArray();
        foreach (var connection in connections.Where(c => c!["source"]!["activity"]!.GetValue<string>() == "agendeerBac" || c!["target"]!["activity"]!.GetValue<string>() == "agendeerBac").ToList())
        {
            connections.Remove(connection);
        }

        connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "route", ["port"] = "bacAdvies" },
            ["target"] = new JsonObject { ["activity"] = "advies", ["port"] = "In" },
        });

        using var imported = await _api.PostAsJsonAsync("/api/definitions/import", definition);
        using var published = await _api.PostAsJsonAsync($"/api/definitions/{WrittenAdviceDefinition}/draft/publish", new JsonObject());
        if (!imported.IsSuccessStatusCode || !published.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The written-advice copy was not published: {await imported.Content.ReadAsStringAsync()} {await published.Content.ReadAsStringAsync()}");
        }
    }
}
