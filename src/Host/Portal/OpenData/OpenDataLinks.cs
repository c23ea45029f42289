using AdviesRoute.Host.Links;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// The absolute addresses the API hands out, on <see cref="RequestLinkOptions.PublicBaseUrl"/> (the host's configured
/// public address, never the request's Host header): its own resources, and the portal's pages and downloads
/// (<see cref="Publishing.PortalPaths"/>).
/// </summary>
public sealed class OpenDataLinks(IOptions<RequestLinkOptions> links)
{
    private readonly string _base = links.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>A site-relative path (as <see cref="Publishing.PortalPaths"/> gives it) on the public address.</summary>
    public string Absolute(string path) => _base + (path.StartsWith('/') ? path : "/" + path);

    public string Index => Absolute(OpenDataApi.BasePath);

    public string Bodies => Absolute(OpenDataApi.BasePath + "/organen");

    public string Meetings(string bodyId) => Absolute($"{OpenDataApi.BasePath}/organen/{Escape(bodyId)}/vergaderingen");

    public string Meeting(string meetingId) => Absolute($"{OpenDataApi.BasePath}/vergaderingen/{Escape(meetingId)}");

    public string Document(string documentId) => Absolute($"{OpenDataApi.BasePath}/stukken/{Escape(documentId)}");

    public string Publications => Absolute(OpenDataApi.BasePath + "/publicaties");

    public string OpenApi => Absolute(OpenDataApi.DocumentPath);

    public string Page => Absolute(OpenDataApi.PagePath);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
