using System.Text.Json.Serialization;
using AdviesRoute.Host.Api;
using AdviesRoute.Host.Api.Errors;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Deployment;
using AdviesRoute.Host.Health;
using AdviesRoute.Host.Jobs;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Look;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Portal.OpenData;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.TwoFactor;
using AdviesRoute.Host.Testing;
using AdviesRoute.Workflows.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host;

/// <summary>The host's part of start-up: what <c>Program.cs</c> calls.</summary>
public static class HostExtensions
{
    /// <summary>
    /// Adds the host: the checks of a server outside Development and Testing (<see cref="EnvironmentAllowances"/>), database location, accounts and API keys, the JSON API with problem details and OpenAPI,
    /// pages, Hangfire and health checks. In the Testing environment it also adds the movable clock (starting at
    /// <c>Testing:Now</c> when set), before the engine registers the system clock.
    /// </summary>
    public static WebApplicationBuilder AddAdviesRouteHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddDeploymentChecks();
        var connectionString = DatabaseConnection.ResolveInConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        ShippedDefinitions.ResolveInConfiguration(builder.Configuration);
        if (builder.Environment.IsEnvironment(TestingClock.EnvironmentName))
        {
            services.AddOffsetClock(builder.Configuration);
        }

        var provider = AdviesRoute.Workflows.WorkflowOptions.ProviderIn(builder.Configuration);
        services.AddHostDatabase(provider, connectionString);
        services.AddAdviesRouteSecurity(builder.Configuration, builder.Environment);
        services.AddSecurityHeaders(builder.Environment);

        services.AddProblemDetails();
        services.AddExceptionHandler<WorkflowExceptionHandler>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Unreadable JSON, a missing body or an unparsable query value become exceptions the handler turns into
        // problem details, instead of a bare 400 in production.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();

            // Use cases nest their Request/Response types; name schemas after both so they do not collide.
            o.CreateSchemaReferenceId = type => type.Type.IsNested && type.Type.DeclaringType is { } outer
                ? outer.Name + type.Type.Name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });

        services.AddRazorPages();
        services.AddPageLook();
        services.AddRequestLinks();
        services.AddProposals();
        Search.SearchServiceCollectionExtensions.AddSearch(services, provider);
        services.AddScoped<Proposals.Overview.ProposalReader>();
        services.AddScoped<Proposals.Overview.WeeklyDigestJob>();
        services.AddScoped<Proposals.Figures.ProposalFigures>();
        services.AddSingleton<Proposals.Figures.FiguresCache>();
        services.AddScoped<Pages.Jaarkalender.BegrotingPlanning>();
        services.AddScoped<Proposals.Meetings.MeetingAgenda>();
        services.AddScoped<Proposals.Meetings.ConvocationSender>();
        Proposals.Meetings.MeetingsServiceCollectionExtensions.AddMeetingMinutes(services);
        Portal.Publishing.PortalServiceCollectionExtensions.AddPortal(services);   // the public portal: what is published (issue 18)
        services.AddQueuedMail<Proposals.Overview.WeeklyDigestMail, Proposals.Overview.WeeklyDigestMailComposer>();
        services.AddQueuedMail<Proposals.Meetings.ConvocationMail, Proposals.Meetings.ConvocationMailComposer>();
        services.AddScoped<Designer.DesignerDrafts>();
        Archive.ArchiveServiceCollectionExtensions.AddArchive(services);
        services.AddScoped<Designer.RunningInstanceMoves>();
        Portal.Accessibility.AccessibilityServiceCollectionExtensions.AddAccessibilityReport(services);
        services.AddHostedService<Proposals.Overview.WeeklyDigestSchedule>();
        services.AddAdviesRouteJobs(provider, connectionString);
        services.AddAdviesRouteHealth(builder.Configuration);
        services.AddAdviesRouteMail(builder.Configuration, builder.Environment);
        services.AddOpenData();                                                   // the open-data API and its OpenAPI document (Portal/OpenData)
        return builder;
    }

    /// <summary>
    /// Applies the host's migrations and creates the roles and, on first start, the administrator. On PostgreSQL it first
    /// takes the migration lock (<see cref="MigrationLock"/>), which it holds until the engine and the governance have
    /// migrated as well: with several hosts one migrates and the others wait.
    /// </summary>
    public static async Task InitializeAdviesRouteAsync(this WebApplication app)
    {
        var migrationLock = app.Services.GetRequiredService<MigrationLock>();
        await migrationLock.AcquireAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<HostDbContext>().Database;
        migrationLock.Applying((await database.GetPendingMigrationsAsync()).Count());
        await database.MigrateAsync();
        await Security.KeyRing.UnencryptedKeys.RevokeAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<AdminAccountSeeder>().SeedAsync();
    }

    /// <summary>The request pipeline (first the proxy's headers and, on a server, https: <see cref="ServerPipeline"/>) and every endpoint: pages, <c>/api</c>, OpenAPI, Hangfire dashboard, health.</summary>
    public static WebApplication MapAdviesRoute(this WebApplication app)
    {
        app.UseServerPipeline();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseDutchErrorPages();
        app.UseWhen(context => ApiProblems.IsApiRequest(context.Request), api => api.UseStatusCodePages());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorSetupGate();                                              // a role that requires a second factor: set it up first
        app.UseAuthorization();
        app.UseApiRequestGuard();
        app.UseRateLimiter();

        app.MapHealth();
        app.MapRazorPages();
        app.MapApi();
        app.MapProposals();
        Archive.ArchiveEndpoints.MapArchive(app);
        Portal.Publishing.PortalEndpoints.MapPortal(app);                         // the portal's feed, sitemap and robots.txt (anonymous)
        app.MapOpenApi().RequireAuthorization();
        app.MapOpenData();
        app.MapJobDashboard();
        if (app.Environment.IsEnvironment(TestingClock.EnvironmentName))
        {
            app.MapTestingClock();
            app.MapTestingFailure();
        }

        return app;
    }
}
