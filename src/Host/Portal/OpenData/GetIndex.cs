using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary><c>GET /api/openbaar/v1</c>: where to begin: the licence, the documentation and the lists.</summary>
internal static class GetIndex
{
    public static Ok<OpenDataIndex> Handle(
        [FromServices] OpenDataLinks links, [FromServices] IOptions<OpenDataOptions> options, [FromServices] IOptions<PortalOptions> portal) =>
        TypedResults.Ok(new OpenDataIndex(
            $"Open data van {portal.Value.Name}",
            "De openbare agenda's, stukken en besluitenlijsten van de organen van de GR, zoals het openbare portaal ze toont.",
            new OpenDataLicence(options.Value.Licence, options.Value.LicenceUrl),
            links.Page, links.OpenApi, links.Bodies, links.Publications));
}
