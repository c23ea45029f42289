using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// On every open-data answer: the <c>API-Version</c> header, and an open CORS header (the data is public and no
/// cookie is read, so a web page anywhere may fetch it). On a 200 also an ETag (a hash of the JSON), Last-Modified where
/// the answer knows its publication, and <c>Cache-Control: public</c> for <see cref="OpenDataOptions.CacheSeconds"/>;
/// a request whose If-None-Match holds that ETag gets 304 without the body.
/// </summary>
internal sealed class OpenDataCaching(IOptions<JsonOptions> json, IOptions<OpenDataOptions> options) : IEndpointFilter
{
    public const string VersionHeader = "API-Version";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        headers[VersionHeader] = OpenDataApi.Version;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = $"{HeaderNames.ETag}, {HeaderNames.LastModified}, {VersionHeader}, {HeaderNames.RetryAfter}";

        var result = await next(context);
        var answer = result is INestedHttpResult { Result: var inner } ? inner : result;      // Results<Ok<T>, ProblemHttpResult>
        if (answer is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || answer is not IValueHttpResult { Value: { } value })
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        headers.ETag = etag.ToString();
        headers.CacheControl = $"public, max-age={options.Value.CacheSeconds}";
        if (value is IPublishedResource { LastPublishedAt: { } published })
        {
            headers.LastModified = published.ToString("R");
        }

        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch.OfType<string>().ToList(), out var asked)
            && asked is not null && asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}
