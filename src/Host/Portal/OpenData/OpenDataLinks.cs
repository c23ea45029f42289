using AdviesRoute.Host.Links;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// The absolute addresses the API hands out, on <see cref="RequestLinkOptions.PublicBaseUrl"/> (the host's configured
/// public address, never the request's Host header): its own resources, and the portal's pages and downloads.
/// </summary>
public sealed class OpenDataLinks(IOptions<RequestLinkOptions> links)
{
    private readonly string _base = links.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string path) => _base + path;

    public string Index => Absolute(OpenDataApi.BasePath);

    public string Bodies => Absolute(OpenDataApi.BasePath + "/organen");

    public string Meetings(string bodyId) => Absolute($"{OpenDataApi.BasePath}/organen/{Escape(bodyId)}/vergaderingen");

    public string Meeting(string meetingId) => Absolute($"{OpenDataApi.BasePath}/vergaderingen/{Escape(meetingId)}");

    public string Document(string documentId) => Absolute($"{OpenDataApi.BasePath}/stukken/{Escape(documentId)}");

    public string Publications => Absolute(OpenDataApi.BasePath + "/publicaties");

    public string OpenApi => Absolute(OpenDataApi.DocumentPath);

    public string Page => Absolute(OpenDataApi.PagePath);

    public string PortalBody(string bodyId) => Absolute($"/openbaar/organen/{Escape(bodyId)}");

    public string PortalMeeting(string meetingId) => Absolute($"/openbaar/vergaderingen/{Escape(meetingId)}");

    public string PortalAgendaPdf(string meetingId) => PortalMeeting(meetingId) + "/agenda.pdf";

    public string PortalBesluitenlijstPdf(string meetingId) => PortalMeeting(meetingId) + "/besluitenlijst.pdf";

    public string PortalDocument(string documentId, string fileName) => Absolute($"/openbaar/stukken/{Escape(documentId)}/{Escape(fileName)}");

    /// <summary>A site-relative portal path (as a publication carries it) made absolute.</summary>
    public string PortalPath(string path) => Absolute(path.StartsWith('/') ? path : "/" + path);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
