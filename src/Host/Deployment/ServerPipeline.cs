using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Deployment;

/// <summary>
/// The first steps of every request on a server: the proxy's forwarded headers, believed only from the proxies in
/// <see cref="ProxyOptions"/>; and outside Development and Testing, HTTPS redirection, HSTS and cookies that are
/// always <c>Secure</c>.
/// </summary>
internal static class ServerPipeline
{
    /// <summary>How long a browser remembers to use https only (HSTS max-age).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static void AddServerPipeline(this IServiceCollection services, EnvironmentAllowances allowances)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            forwarded.ForwardLimit = 1;
        });
        if (!allowances.PlainHttpLinks)
        {
            // Redirect to the port of the public address (443 unless it names another).
            services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>().Configure<IOptions<Links.RequestLinkOptions>>((o, links) =>
                o.HttpsPort = Uri.TryCreate(links.Value.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url.Port : 443);
            services.AddHsts(o =>
            {
                o.MaxAge = HstsMaxAge;
                o.IncludeSubDomains = false;
            });
            services.Configure<CookiePolicyOptions>(o =>
            {
                o.Secure = CookieSecurePolicy.Always;
                o.HttpOnly = HttpOnlyPolicy.None; // each cookie sets its own; the antiforgery cookie of the designer stays readable
            });
        }
    }

    public static void UseServerPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<EnvironmentAllowances>().PlainHttpLinks)
        {
            return;
        }

        // Health probes come over plain http from the machine itself; everything else goes to https.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        app.UseHsts();
        app.UseCookiePolicy();
    }
}
