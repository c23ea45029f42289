using System.Net;
using AdviesRoute.Host.Security.ApiKeys;
using AdviesRoute.Host.Tests.EndToEnd;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>The host on a real socket, for a browser: Kestrel on a free loopback port.</summary>
public partial class HostFixture
{
    private Uri? _address;

    /// <summary>Where the host listens, once <see cref="Start"/> has run.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Where the host listens, or null when it runs in memory only.</summary>
    public Uri? Started => _address;

    /// <summary>Starts Kestrel on a free loopback port and returns its address (known while the host is configured).</summary>
    public Uri Start()
    {
        var port = HostProcess.FreePort();
        _address = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        _running = true;
        return _address;
    }

    /// <summary>
    /// A client of the listening host that keeps its cookies and does not follow redirects, with an API key when given.
    /// (The factory's own clients address the in-memory server, which a host on Kestrel does not have.)
    /// </summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }

        return client;
    }
}
