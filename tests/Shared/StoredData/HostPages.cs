using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;

namespace AdviesRoute.Tests.Shared.StoredData;

/// <summary>
/// Drives the host as its users do, through HTTP only: the sign-in form, the start form, the proposal page's actions,
/// the meeting page, the overview, the personal links in the mails and the JSON API. Nothing here knows a type of the
/// host, so the fixture maker and the tests that open its data keep compiling whatever the host's insides become.
/// </summary>
internal static partial class HostPages
{
    /// <summary>How long (real time) a background step may take: a timer that fired, a mail from the outbox.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string Antiforgery(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["token"].Value) : throw new InvalidOperationException("The page carries no antiforgery token.");
    }

    /// <summary>Signs in through the login form; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = Antiforgery(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} gave {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>The fields of the start form (<c>/Voorstellen/Nieuw</c>), in the values its lists offer.</summary>
    public sealed record NewProposal(string Title, string Pillar, string Kind, string Model, string Route = "voorstel", string? Summary = null,
        (string Name, byte[] Content)? Document = null);

    /// <summary>Starts a proposal through the start form, with the first portfolio holder the form offers; returns its id.</summary>
    public static async Task<string> StartProposalAsync(HttpClient signedIn, NewProposal proposal)
    {
        var page = await signedIn.GetStringAsync("/Voorstellen/Nieuw");
        var holder = PortfolioHolderPattern().Match(page);
        if (!holder.Success)
        {
            throw new InvalidOperationException("The start form offers no portfolio holder.");
        }

        using var form = new MultipartFormDataContent
        {
            // The page reads the form as a stream and checks the token first: it goes first.
            { new StringContent(Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(proposal.Title), "Input.Titel" },
            { new StringContent(proposal.Pillar), "Input.Pijler" },
            { new StringContent(proposal.Kind), "Input.Soort" },
            { new StringContent(proposal.Summary ?? ""), "Input.Samenvatting" },
            { new StringContent(WebUtility.HtmlDecode(holder.Groups["id"].Value)), "Input.Portefeuillehouder" },
            { new StringContent(""), "Input.GewensteVergadering" },
            { new StringContent(proposal.Model), "Input.Bestuursmodel" },
            { new StringContent(proposal.Route), "Input.Route" },
            // The form asks for at least one beslispunt (issue 15).
            { new StringContent("in te stemmen met " + proposal.Title + "."), "Besluit.Beslispunten" },
        };
        if (proposal.Document is { } document)
        {
            var file = new ByteArrayContent(document.Content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Document1", document.Name);
        }

        using var response = await signedIn.PostAsync("/Voorstellen/Nieuw", form);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null || !location.StartsWith("/Voorstellen/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Starting '{proposal.Title}' gave {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        }

        return Uri.UnescapeDataString(location["/Voorstellen/".Length..]);
    }

    /// <summary><c>GET /api/instances/{id}</c>: status, waiting bookmarks and journal.</summary>
    public static async Task<JsonObject> InstanceAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/instances/{Uri.EscapeDataString(id)}"))!;

    public static string Status(JsonObject instance) => instance["status"]!.GetValue<string>();

    public static IReadOnlyList<JournalLine> Journal(JsonObject instance) =>
        instance["journal"]!.AsArray().Select(j => new JournalLine(
            j!["at"]!.GetValue<DateTimeOffset>().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            j["kind"]!.GetValue<string>(),
            j["activityId"]?.GetValue<string>(),
            j["outcome"]?.GetValue<string>(),
            j["actor"]?.GetValue<string>(),
            j["channel"]!.GetValue<string>())).ToList();

    /// <summary>A bookmark the proposal waits on: its name (e.g. Vergadering), the step, its id and what it carries.</summary>
    public sealed record Waiting(string Name, string Activity, string Id, JsonNode? Payload);

    public static IReadOnlyList<Waiting> Bookmarks(JsonObject instance) =>
        instance["bookmarks"]!.AsArray().Select(b => new Waiting(b!["name"]!.GetValue<string>(), b["activityId"]!.GetValue<string>(), b["id"]!.GetValue<string>(), b["payload"])).ToList();

    /// <summary>Waits (real time, bounded) until the proposal waits on <paramref name="activity"/> with a bookmark <paramref name="name"/>.</summary>
    public static Task<Waiting> WaitingAsync(HttpClient api, string id, string activity, string name) =>
        EventuallyAsync(async () => Bookmarks(await InstanceAsync(api, id)).FirstOrDefault(b => b.Activity == activity && b.Name == name),
            $"proposal {id} waiting at {activity} ({name})");

    /// <summary>The meeting a Vergadering bookmark is for (its id on the jaarkalender).</summary>
    public static string? MeetingOf(Waiting waiting) => waiting.Payload?["vergadering"]?["id"]?.GetValue<string>();

    /// <summary>Waits until the proposal has the given status (e.g. Finished after its last timer).</summary>
    public static Task<JsonObject> StatusAsync(HttpClient api, string id, string status) =>
        EventuallyAsync(async () => await InstanceAsync(api, id) is var instance && Status(instance) == status ? instance : null, $"proposal {id} {status}");

    /// <summary>
    /// Posts one of the actions on the proposal's page (<c>?handler=hervat</c>) for the given bookmark, with the page's
    /// antiforgery token and form id, as the secretary's browser does; <paramref name="fields"/> are the form's own
    /// fields (e.g. <c>invoer.uitkomst</c>). Throws with the page's message when the page refuses.
    /// </summary>
    public static async Task ResumeOnPageAsync(HttpClient signedIn, string id, string bookmarkId, IReadOnlyDictionary<string, string> fields)
    {
        var path = $"/Voorstellen/{Uri.EscapeDataString(id)}";
        var page = await signedIn.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["bookmarkId"] = bookmarkId,
            ["formulier"] = FormIdPattern().Match(page).Groups["id"].Value,
        };
        using var response = await signedIn.PostAsync(path + "?handler=hervat", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The action on {path} gave {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>Waits for the bookmark and resumes it on the page; returns the bookmark that was resumed.</summary>
    public static async Task<Waiting> ActAsync(HttpClient signedIn, HttpClient api, string id, string activity, string name, IReadOnlyDictionary<string, string> fields)
    {
        var waiting = await WaitingAsync(api, id, activity, name);
        await ResumeOnPageAsync(signedIn, id, waiting.Id, fields);
        return waiting;
    }

    /// <summary>Sends an open request's mail again from the proposal's page ("Opnieuw sturen").</summary>
    public static async Task ResendOnPageAsync(HttpClient signedIn, string id, string bookmarkId)
    {
        var path = $"/Voorstellen/{Uri.EscapeDataString(id)}";
        var page = await signedIn.GetStringAsync(path);
        using var response = await signedIn.PostAsync(path + "?handler=opnieuwSturen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["bookmarkId"] = bookmarkId,
        }));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        if (!body.Contains("Het verzoek is opnieuw gestuurd", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sending the request of {id} again gave {(int)response.StatusCode}: {Errors(body)}");
        }
    }

    /// <summary>Cancels the proposal on its page with a reason.</summary>
    public static async Task CancelOnPageAsync(HttpClient signedIn, string id, string reason)
    {
        var path = $"/Voorstellen/{Uri.EscapeDataString(id)}";
        var page = await signedIn.GetStringAsync(path);
        using var response = await signedIn.PostAsync(path + "?handler=afbreken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["formulier"] = FormIdPattern().Match(page).Groups["id"].Value,
            ["reden"] = reason,
            ["zeker"] = "ja",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Cancelling {id} gave {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>Saves a meeting's agenda (order and kind per proposal) on the meeting page.</summary>
    public static async Task SaveAgendaAsync(HttpClient signedIn, string meeting, IEnumerable<(string Id, int Number, string Kind)> items)
    {
        var path = $"/Vergaderingen/{Uri.EscapeDataString(meeting)}";
        var page = await signedIn.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Antiforgery(page)) };
        foreach (var (id, number, kind) in items)
        {
            form.Add(new("stuk", id));
            form.Add(new("volgorde", number.ToString(CultureInfo.InvariantCulture)));
            form.Add(new("soort", kind));
        }

        using var response = await signedIn.PostAsync(path + "?handler=opslaan", new FormUrlEncodedContent(form));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        if (!body.Contains("De agenda is opgeslagen.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Saving the agenda of {meeting} gave {(int)response.StatusCode}: {Errors(body)}");
        }
    }

    /// <summary>Sends the convocation of a meeting from its page.</summary>
    public static async Task SendConvocationAsync(HttpClient signedIn, string meeting)
    {
        var path = $"/Vergaderingen/{Uri.EscapeDataString(meeting)}/Convocatie";
        var page = await signedIn.GetStringAsync(path);
        using var response = await signedIn.PostAsync(path,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(page), ["zeker"] = "ja" }));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        if (!body.Contains("De convocatie is verstuurd", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sending the convocation of {meeting} gave {(int)response.StatusCode}: {Errors(body)}");
        }
    }

    /// <summary>The proposals the overview <c>/Voorstellen</c> lists for a query, in its order, over all its pages.</summary>
    public static async Task<IReadOnlyList<string>> OverviewAsync(HttpClient signedIn, string query)
    {
        var ids = new List<string>();
        var next = "/Voorstellen" + query;
        while (next is not null)
        {
            var page = await signedIn.GetStringAsync(next);
            var table = Between(page, "<tbody>", "</tbody>");
            ids.AddRange(OverviewRowPattern().Matches(table).Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups["id"].Value))));
            next = NextPagePattern().Match(page) is { Success: true } more ? "/Voorstellen" + WebUtility.HtmlDecode(more.Groups["query"].Value) : null;
        }

        return ids;
    }

    /// <summary>The agenda as the meeting page shows it: per row the proposal, its number, kind and outcome.</summary>
    public static async Task<IReadOnlyList<AgendaLine>> AgendaAsync(HttpClient signedIn, string meeting)
    {
        var page = await signedIn.GetStringAsync($"/Vergaderingen/{Uri.EscapeDataString(meeting)}");
        var table = Between(page, "<tbody", "</tbody>");
        // The proposals' rows: the standard items and the secretary's own items ("vrij:…") around them are left out.
        return RowPattern().Matches(table).Select(row => row.Groups["row"].Value)
            .Where(html => AgendaIdPattern().Match(html) is { Success: true } id && !id.Groups["id"].Value.StartsWith("vrij:", StringComparison.Ordinal))
            .Select(html =>
        {
            var cells = CellPattern().Matches(html);
            return new AgendaLine(
                WebUtility.HtmlDecode(AgendaIdPattern().Match(html).Groups["id"].Value),
                int.Parse(NumberPattern().Match(html).Groups["number"].Value, CultureInfo.InvariantCulture),
                SelectedKindPattern().Match(html).Groups["kind"].Value,
                WebUtility.HtmlDecode(cells[^1].Groups["cell"].Value).Trim());
        }).ToList();
    }

    /// <summary>Every meeting id on the stored jaarkalender (<c>GET /api/jaarkalender</c>).</summary>
    public static async Task<IReadOnlyList<string>> MeetingsAsync(HttpClient api)
    {
        var calendar = (await api.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!;
        return calendar["document"]!["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
    }

    /// <summary>Moves the Testing clock forward by an ISO 8601 duration; returns the new time.</summary>
    public static async Task<DateTimeOffset> AdvanceClockAsync(HttpClient admin, string duration)
    {
        using var response = await admin.PostAsJsonAsync("/api/testing/clock", new { advance = duration });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Moving the clock by {duration} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["now"]!.GetValue<DateTimeOffset>();
    }

    /// <summary>Moves the Testing clock forward to about <paramref name="target"/> (to the second).</summary>
    public static async Task<DateTimeOffset> AdvanceClockToAsync(HttpClient admin, DateTimeOffset target)
    {
        var now = await AdvanceClockAsync(admin, "PT1S");
        var seconds = (long)Math.Floor((target - now).TotalSeconds);
        if (seconds < 1)
        {
            throw new InvalidOperationException($"The clock is at {now:o}, not before {target:o}.");
        }

        return await AdvanceClockAsync(admin, $"PT{seconds.ToString(CultureInfo.InvariantCulture)}S");
    }

    /// <summary>Asks <paramref name="probe"/> until it gives a value, for at most <see cref="Patience"/> of real time.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A small, real PDF (one empty page).</summary>
    public static byte[] Pdf(string comment) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n% " + comment + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>What a refused page says: its error summary and field messages, or its start when it has none.</summary>
    public static string Errors(string html)
    {
        var messages = ErrorPattern().Matches(html).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups["text"].Value, " ")).Trim()).Where(t => t.Length > 0).ToList();
        return messages.Count > 0 ? string.Join(" | ", messages) : html[..Math.Min(400, html.Length)];
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return "";
        }

        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("name=\"formulier\" value=\"(?<id>[0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();

    [GeneratedRegex("<select[^>]*name=\"Input.Portefeuillehouder\"[^>]*>.*?<option value=\"(?<id>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex PortfolioHolderPattern();

    [GeneratedRegex("<tr[^>]*>\\s*<td[^>]*><a href=\"/Voorstellen/(?<id>[^\"?/]+)\">")]
    private static partial Regex OverviewRowPattern();

    [GeneratedRegex("<a href=\"(?<query>\\?[^\"]*)\">Volgende pagina</a>")]
    private static partial Regex NextPagePattern();

    [GeneratedRegex("<tr[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(?<cell>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("name=\"stuk\" value=\"(?<id>[^\"]+)\"")]
    private static partial Regex AgendaIdPattern();

    [GeneratedRegex("name=\"volgorde\"[^>]*?value=\"(?<number>[0-9]+)\"")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<option value=\"(?<kind>[a-z]+)\" selected=\"selected\">")]
    private static partial Regex SelectedKindPattern();

    [GeneratedRegex("<(?:div class=\"utrecht-alert utrecht-alert--error\"[^>]*|span class=\"field-error\"[^>]*|p class=\"form-error\"[^>]*)>(?<text>.*?)</(?:div|span|p)>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}

/// <summary>A mail with a personal link, as it lies in the pickup folder.</summary>
/// <param name="File">The .eml file's name.</param>
/// <param name="LinkPath">The path of the link (<c>/verzoek/…</c>), for a client of the host under test.</param>
internal sealed partial record RequestMail(string File, string To, string Subject, string LinkPath)
{
    /// <summary>The mails in <paramref name="folder"/> that carry a personal link, in the order they were written.</summary>
    public static IReadOnlyList<RequestMail> In(string folder) => !Directory.Exists(folder)
        ? []
        : Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(file =>
        {
            using var message = MimeMessage.Load(file);
            var link = LinkPattern().Match(message.TextBody ?? "");
            return link.Success
                ? new RequestMail(Path.GetFileName(file), message.To.Mailboxes.Single().Address, message.Subject ?? "", new Uri(link.Value).AbsolutePath)
                : null;
        }).OfType<RequestMail>().ToList();

    /// <summary>Waits (real time, bounded) until <paramref name="folder"/> holds at least <paramref name="count"/> link mails that match.</summary>
    public static Task<IReadOnlyList<RequestMail>> InAsync(string folder, int count, Func<RequestMail, bool> where) =>
        HostPages.EventuallyAsync(() => Task.FromResult(In(folder).Where(where).ToList() is { } mails && mails.Count >= count ? (IReadOnlyList<RequestMail>?)mails : null),
            $"{count} mails in {folder}");

    /// <summary>
    /// Opens the link (GET: nothing changes) and posts a choice with its remark, as the member's browser does; returns the
    /// page shown after, as text. Throws when the page does not record the choice.
    /// </summary>
    public async Task<string> ChooseAsync(HttpClient anonymous, string choice, string? remark = null)
    {
        var page = await anonymous.GetStringAsync(LinkPath);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostPages.Antiforgery(page),
            ["formulier"] = FormIdPattern().Match(page).Groups["id"].Value,
            ["keuze"] = choice,
        };
        if (remark is not null)
        {
            // The request's own text field: a remark with a vote, the text of a zienswijze or of a college's answer.
            var field = System.Text.RegularExpressions.Regex.Match(page, "<textarea id=\"veld-[^\"]+\" name=\"(?<name>[^\"]+)\"");
            form[field.Success ? field.Groups["name"].Value : "toelichting"] = remark;
        }

        using var response = await anonymous.PostAsync(LinkPath, new FormUrlEncodedContent(form));

        // Recorded: the page sends the browser back to the link with "vastgelegd" (a refusal stays on the page).
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("vastgelegd=1", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Choosing '{choice}' by the link of {To} gave {(int)response.StatusCode}: "
                + HostPages.Errors(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        }

        return WebUtility.HtmlDecode(await anonymous.GetStringAsync(response.Headers.Location.OriginalString));
    }

    [GeneratedRegex(@"https?://\S+/verzoek/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"formulier\" value=\"(?<id>[0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
