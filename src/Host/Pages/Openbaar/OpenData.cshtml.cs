using System.Text.Json;
using AdviesRoute.Host.Portal.OpenData;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// <c>/openbaar/open-data</c>: the open-data API explained for a resident, a journalist and a developer: the addresses,
/// a real example (the API's answer for the bodies, as it is now), the rate limit, the Woo category of each body's
/// publications and the licence the GR configured (<see cref="OpenDataOptions"/>).
/// </summary>
[AllowAnonymous]
public sealed class OpenDataModel(IPublicCatalog catalog, OpenDataLinks links, IOptions<OpenDataOptions> options, IOptionsMonitor<PortalOptions> portal,
    IOptions<JsonOptions> json, TimeProvider time) : PageModel
{
    /// <summary>A body that publishes, with the Woo information category of what it publishes.</summary>
    public sealed record BodyCategory(string Name, string What, string WooCategory);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OpenDataLinks Links => links;

    public OpenDataOptions Settings => options.Value;

    public string Name => portal.CurrentValue.Name;

    public IReadOnlyList<BodyCategory> Categories { get; private set; } = [];

    /// <summary>The newest meeting with a published agenda or besluitenlijst, for the example address; null while there is none.</summary>
    public PublicMeeting? ExampleMeeting { get; private set; }

    /// <summary>The body and year the example address of a body's meetings names: the example meeting's, else the first body that publishes agendas (or any), this year.</summary>
    public string ExampleBodyId => ExampleMeeting?.BodyId ?? _firstBody ?? "ab";

    public int ExampleYear => ExampleMeeting?.Date.Year ?? AdviesRoute.Activities.Calendar.DutchTime.Today(time.GetUtcNow()).Year;

    private string? _firstBody;

    /// <summary>The API's answer for the bodies, as it is now, indented.</summary>
    public string ExampleAnswer { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var bodies = await catalog.BodiesAsync(cancellationToken);
        _firstBody = (bodies.FirstOrDefault(b => b.PublishesAgenda) ?? bodies.FirstOrDefault(b => true))?.Id;
        Categories = bodies.Select(b => new BodyCategory(b.Name, PortalTexts.WhatIsPublished(b), portal.CurrentValue.WooCategoryOf(b.Id))).ToList();
        foreach (var body in bodies)
        {
            var published = (await catalog.MeetingsAsync(body.Id, cancellationToken))
                .FirstOrDefault(m => m.AgendaPublishedAt is not null || m.BesluitenlijstPublishedAt is not null);
            if (published is not null && (ExampleMeeting is null || published.Date > ExampleMeeting.Date))
            {
                ExampleMeeting = published;
            }
        }

        var answer = new OpenDataBodyList(bodies.Select(b => OpenDataMapping.Body(b, links)).ToList());
        ExampleAnswer = JsonSerializer.SerializeToNode(answer, json.Value.SerializerOptions)!.ToJsonString(Indented);
    }
}
