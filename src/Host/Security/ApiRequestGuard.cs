using AdviesRoute.Host.Security.ApiKeys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace AdviesRoute.Host.Security;

/// <summary>
/// The two rules every request to <c>/api</c> meets before its endpoint runs, kept in one place so that a new
/// endpoint cannot forget them:
/// <list type="bullet">
/// <item>A body is JSON (<c>application/json</c> or <c>…+json</c>), else 415. The forms and plain text another site
/// can post without the browser asking first never reach an endpoint, and an endpoint that reads its body itself
/// (the import, the governance documents) reads only JSON.</item>
/// <item>A call that changes something (anything but GET, HEAD, OPTIONS, TRACE) made with a session cookie carries
/// the session's antiforgery token in <see cref="TokenHeader"/>, else 400: the cookie alone only proves that the
/// browser is signed in, not that a page of AdviesRoute asked. A call with an API key is exempt: no browser sends the
/// key by itself.</item>
/// </list>
/// It runs after authentication and authorization (so an anonymous caller still gets 401), and only when a route
/// matched (an unknown address keeps its 404).
/// </summary>
public static class ApiRequestGuard
{
    /// <summary>The header with the antiforgery request token; the pages hand the token to their scripts.</summary>
    public const string TokenHeader = "X-CSRF-TOKEN";

    internal static void ConfigureAntiforgery(AntiforgeryOptions options) => options.HeaderName = TokenHeader;

    internal static IApplicationBuilder UseApiRequestGuard(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api") && context.GetEndpoint() is not null, api => api.Use(GuardAsync));

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HasBody(context) && !request.HasJsonContentType())
        {
            await ApiProblems.UnsupportedMediaTypeAsync(context);
            return;
        }

        if (ChangesState(request.Method) && !SignedInWithApiKey(context))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException ex)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRequestGuard))
                    .LogWarning("Refused {Method} {Path} without a valid antiforgery token: {Reason}", request.Method, request.Path, ex.Message);
                await ApiProblems.AntiforgeryRefusedAsync(context);
                return;
            }
        }

        await next(context);
    }

    /// <summary>A Content-Length above zero, or a chunked body (no length, but the server expects one).</summary>
    private static bool HasBody(HttpContext context) =>
        context.Request.ContentLength is { } length
            ? length > 0
            : context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Authenticated by the key itself: the scheme selector picks the key whenever its header is present.</summary>
    private static bool SignedInWithApiKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyDefaults.Scheme };
}
