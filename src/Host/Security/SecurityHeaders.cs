namespace AdviesRoute.Host.Security;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries: no framing (an approval button must not be clickable through someone
    /// else's page), no MIME sniffing, and no Referer to other sites (mail links carry tokens in their URL).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
}
