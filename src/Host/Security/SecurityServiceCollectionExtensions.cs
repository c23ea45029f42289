using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.ApiKeys;
using AdviesRoute.Host.Security.KeyRing;
using AdviesRoute.Host.Security.Oidc;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>The default scheme: picks the API key when its header is present, else the Identity cookie.</summary>
    public const string CookieOrApiKeyScheme = "CookieOrApiKey";

    /// <summary>
    /// Accounts (Identity with its cookies), API keys, authorization policies and data protection (its key ring
    /// encrypted with the certificate of <c>DataProtection:CertificateFile</c>); with
    /// <c>Security:Oidc:Authority</c> set, also sign-in through the organisation's OpenID Connect provider.
    /// </summary>
    public static IServiceCollection AddAdviesRouteSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();
        services.AddOptions<AccountSignInOptions>().BindConfiguration(AccountSignInOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountSignInOptions>, AccountSignInOptionsValidator>();
        // The wall clock, explicitly: left to the container, it would pick the constructor that takes the registered
        // TimeProvider, which in the Testing environment runs ahead for the engine and would end every session.
        services.TryAddSingleton(_ => new SessionClock());
        services.AddScoped<SignInThrottle>();
        services.AddScoped<AccountAdministration>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrApiKeyScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrApiKeyScheme, "Cookie of API-sleutel", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, "API-sleutel", _ => { })
            .AddOidcLogin(configuration)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(ConfigureApplicationCookie));

        services.AddIdentityCore<HostUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                // Failed passwords no longer lock an account (anyone could lock anyone out): SignInThrottle slows
                // and refuses per client address instead. A lockout set before stays honoured until cleared.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HostDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddSignInManager<AccountSignInManager>()
            .AddDefaultTokenProviders();
        services.AddTwoFactor();

        // Sessions, lockouts and security stamps follow the SessionClock (the wall clock) even in the Testing
        // environment, where the registered TimeProvider runs ahead for the engine: moving a proposal twelve weeks on
        // must not sign the tester out.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CookiesUseSessionClock>();
        services.PostConfigureAll<ApiKeyAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        services.AddOptions<SecurityStampValidatorOptions>().PostConfigure<SessionClock>((o, clock) =>
        {
            o.TimeProvider = clock.Time;

            // Checked on every request, so a role taken away or a password changed elsewhere counts at once.
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SessionLifetime.KeepAuthenticationMethod;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountSignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.IdleTimeout);

        // The key ring is stored in the database, so every host reads the same keys; it is encrypted there with a
        // certificate kept outside the database, so a copy of the database alone cannot make a session cookie. Keys
        // stored unencrypted by an earlier version are revoked at start (UnencryptedKeys); every new key is
        // encrypted. On Linux decryption cannot look the certificate up in a store, hence
        // UnprotectKeysWithAnyCertificate with the same one.
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        var certificate = KeyRingCertificate.Load(configuration, environment);
        services.AddDataProtection()
            .SetApplicationName("AdviesRoute")
            .PersistKeysToDbContext<HostDbContext>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);

        // A temporary password opens only the page to choose one's own (TemporaryPassword).
        services.Configure<MvcOptions>(o => o.Filters.Add<TemporaryPasswordPageFilter>());
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(ApiRequestGuard.ConfigureAntiforgery);
        services.AddScoped<AdminAccountSeeder>();
        return services;
    }

    private static void ConfigureApplicationCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "AdviesRoute.Sessie";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.AccessDeniedPath = "/Account/AccessDenied";
        options.SlidingExpiration = true;
        options.Events.OnSigningIn = SessionLifetime.OnSigningIn;
        options.Events.OnValidatePrincipal = SessionLifetime.OnValidatePrincipal;

        // A program gets a status code and problem details; a person gets the login page.
        options.Events.OnRedirectToLogin = context =>
        {
            if (ApiProblems.IsApiRequest(context.Request))
            {
                return ApiProblems.UnauthorizedAsync(context.HttpContext);
            }

            context.Response.Redirect(SessionLifetime.LoginAddress(context.HttpContext, context.RedirectUri));
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            var temporary = TemporaryPassword.MustChange(context.HttpContext.User);
            if (ApiProblems.IsApiRequest(context.Request))
            {
                return temporary ? ApiProblems.ForbiddenAsync(context.HttpContext, ApiProblems.TemporaryPasswordDetail) : ApiProblems.ForbiddenAsync(context.HttpContext);
            }

            if (temporary)
            {
                // Not "Geen toegang": the roles come back once the person has chosen a password.
                context.Response.Redirect(TemporaryPassword.ChangeAddress(context.Request));
                return Task.CompletedTask;
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
    }

    /// <summary>Every cookie scheme reads the <see cref="SessionClock"/>, never the engine's clock.</summary>
    private sealed class CookiesUseSessionClock(SessionClock clock) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.TimeProvider = clock.Time;
    }
}
