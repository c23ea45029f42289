using System.Net;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>The real host, configured against the <see cref="TestIdentityProvider"/>.</summary>
public sealed class OidcHostFixture(Uri authority, bool localLogin) : HostFixture
{
    public const string ButtonText = "Inloggen met uw SamenDrenthe-account";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Oidc:Authority", authority.ToString());
        builder.UseSetting("Security:Oidc:ClientId", TestIdentityProvider.ClientId);
        builder.UseSetting("Security:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
        builder.UseSetting("Security:Oidc:Scopes:0", "profile");
        builder.UseSetting("Security:Oidc:DisplayName", ButtonText);
        builder.UseSetting("Security:Oidc:LocalLogin", localLogin ? "true" : "false");
    }

    /// <summary>Creates a local account as an administrator would on /Beheer/Accounts.</summary>
    public Task CreateAccountAsync(string userName, string email, string? role, bool lockedOut = false) =>
        WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = userName, Email = email, EmailConfirmed = true, DisplayName = userName };
            (await users.CreateAsync(user, "Lokaal-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
            if (role is not null)
            {
                (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            }

            if (lockedOut)
            {
                (await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(100))).Succeeded.Should().BeTrue();
            }

            return true;
        });
}

/// <summary>The provider and a host against it, with the password form beside the provider's button.</summary>
public class OidcLoginFixture : IAsyncLifetime
{
    protected virtual bool LocalLogin => true;

    public TestIdentityProvider Provider { get; private set; } = null!;

    public OidcHostFixture Host { get; private set; } = null!;

    /// <summary>A browser for one person: the provider will sign in <paramref name="email"/>.</summary>
    public OidcBrowser Browser(string email, bool emailVerified = true, bool deny = false) => new(Host, Provider, email, emailVerified, deny);

    async Task IAsyncLifetime.InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        Host = new OidcHostFixture(Provider.Authority, LocalLogin);
        await ((IAsyncLifetime)Host).InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>The same, with <c>Security:Oidc:LocalLogin=false</c>: the provider is the only way in.</summary>
public sealed class OidcOnlyLoginFixture : OidcLoginFixture
{
    protected override bool LocalLogin => false;
}

/// <summary>
/// Follows redirects as a browser does, across two sites: the in-memory host (<c>http://localhost</c>, with its
/// own cookie jar, readable by the test) and the provider on its loopback port. Requests to the provider carry the
/// person the provider is to sign in.
/// </summary>
public sealed class OidcBrowser : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _provider;
    private readonly Uri _providerAddress;

    public OidcBrowser(HostFixture host, TestIdentityProvider provider, string email, bool emailVerified, bool deny)
    {
        Host = host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(HostCookies));
        _providerAddress = provider.Authority;
        _provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        _provider.DefaultRequestHeaders.Add(TestIdentityProvider.PersonHeader, email);
        _provider.DefaultRequestHeaders.Add(TestIdentityProvider.EmailVerifiedHeader, emailVerified ? "true" : "false");
        _provider.DefaultRequestHeaders.Add(TestIdentityProvider.DenyHeader, deny ? "true" : "false");
    }

    /// <summary>The client on the host; it does not follow redirects by itself.</summary>
    public HttpClient Host { get; }

    /// <summary>The host's cookies, as a browser would keep them.</summary>
    public CookieContainer HostCookies { get; } = new();

    /// <summary>Every address the browser was sent to, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Whether the host handed out a session cookie.</summary>
    public bool HasSession => HostCookies.GetCookies(new Uri("http://localhost")).Any(c => c.Name == "AdviesRoute.Sessie");

    /// <summary>Opens the login page as <paramref name="returnUrl"/> would, presses the provider's button and follows every redirect.</summary>
    public async Task<HttpResponseMessage> SignInThroughProviderAsync(string returnUrl = "/")
    {
        var page = await Host.GetStringAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        page.Should().Contain(OidcHostFixture.ButtonText, "the login page offers the provider");
        var response = await Host.PostAsync("/Account/Login?handler=Oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
        }));
        return await FollowAsync(response);
    }

    /// <summary>Follows redirects until a response that is not one.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently))
            {
                return response;
            }

            var target = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            Visited.Add(target);
            response = IsProvider(target)
                ? await _provider.GetAsync(target)
                : await Host.GetAsync(target.PathAndQuery);
        }

        throw new InvalidOperationException($"More than {MaxRedirects} redirects: {string.Join(" -> ", Visited)}");
    }

    private bool IsProvider(Uri target)
    {
        if (Uri.Compare(target, _providerAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }

        target.Authority.Should().Be("localhost", "the browser only goes to the host or the provider");
        return false;
    }

    public void Dispose()
    {
        Host.Dispose();
        _provider.Dispose();
    }
}
