using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// A real OpenID Connect provider (OpenIddict, its applications and tokens in an in-memory SQLite database) on a
/// loopback port in the test process. It knows one confidential client, which must use PKCE, and its authorization
/// endpoint signs in at once, without a form, the person a test names in the <see cref="PersonHeader"/> request
/// header: the test's browser sends it along when it follows the redirect to the provider.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "adviesroute";
    public const string ClientSecret = "adviesroute-geheim-0123456789abcdef";

    /// <summary>The host's callback as the in-memory test server sees it (<c>http://localhost</c>).</summary>
    public const string RedirectUri = "http://localhost/signin-oidc";

    /// <summary>The e-mail address of the person the provider signs in.</summary>
    public const string PersonHeader = "X-Test-Person";

    /// <summary>"false" makes the provider say the address is not verified.</summary>
    public const string EmailVerifiedHeader = "X-Test-Email-Verified";

    /// <summary>"true" makes the provider refuse the sign-in (<c>error=access_denied</c>).</summary>
    public const string DenyHeader = "X-Test-Deny";

    private readonly WebApplication _app;
    private readonly SqliteConnection _keepAlive;

    private TestIdentityProvider(WebApplication app, SqliteConnection keepAlive, Uri authority)
    {
        _app = app;
        _keepAlive = keepAlive;
        Authority = authority;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Authority { get; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        // A named in-memory database lives as long as one connection to it is open.
        var connectionString = $"Data Source=idp-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDbContext<ProviderDbContext>(options =>
        {
            options.UseSqlite(connectionString);
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // loopback only, as the host's validation allows
            });

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)Token);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "AdviesRoute",
                RedirectUris = { new Uri(RedirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestIdentityProvider(app, keepAlive, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Signs in the person named in the request header, with the scopes the client asked for.</summary>
    private static IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var email = context.Request.Headers[PersonHeader].ToString();
        if (string.IsNullOrEmpty(email) || context.Request.Headers[DenyHeader] == "true")
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var verified = context.Request.Headers[EmailVerifiedHeader] != "false";
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, "idp-" + email.ToUpperInvariant()));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));

        // Names and roles the host must not take over: it keeps its own accounts' names and roles.
        identity.AddClaim(new Claim(Claims.Name, "Naam bij de organisatie"));
        identity.AddClaim(new Claim(Claims.Role, "admin"));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Exchanges the code (OpenIddict has checked client, secret, redirect URI and PKCE verifier) for tokens.</summary>
    private static async Task<IResult> Token(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return result.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }

    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
