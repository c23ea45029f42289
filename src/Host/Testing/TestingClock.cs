using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Timers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdviesRoute.Host.Testing;

/// <summary>The clock offset of the Testing environment and <c>POST /api/testing/clock</c>, which moves it.</summary>
public static class TestingClock
{
    /// <summary>The only environment in which the clock can be moved.</summary>
    public const string EnvironmentName = "Testing";

    public const string Route = "/api/testing/clock";

    /// <param name="Advance">An ISO 8601 duration such as <c>P12W</c> or <c>PT1H</c>.</param>
    public sealed record Request(string? Advance = null);

    /// <param name="Now">The application's time after the move.</param>
    /// <param name="Offset">How far it runs ahead of the wall clock.</param>
    public sealed record Response(DateTimeOffset Now, TimeSpan Offset);

    /// <summary>Must come before the engine's registration, which only adds the system clock when none is registered.</summary>
    internal static IServiceCollection AddOffsetClock(this IServiceCollection services)
    {
        // Built explicitly: letting the container pick the constructor would resolve TimeProvider, i.e. itself.
        services.AddSingleton(_ => new OffsetTimeProvider(TimeProvider.System));
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<OffsetTimeProvider>());
        return services;
    }

    internal static IEndpointRouteBuilder MapTestingClock(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, Advance)
            .RequireAuthorization(Policies.Administer)
            .WithTags("Testen")
            .WithName("AdvanceTestingClock")
            .WithSummary("Zet de klok van de testomgeving vooruit (alleen in de omgeving Testing).");
        return app;
    }

    internal static Results<Ok<Response>, ValidationProblem> Advance(Request request, [FromServices] OffsetTimeProvider clock, [FromServices] TimerSignal timers)
    {
        if (!IsoDuration.TryParse(request.Advance, out var duration))
        {
            return Invalid("Geef een ISO 8601-duur, bijvoorbeeld P12W of PT1H.");
        }

        var now = clock.GetUtcNow();
        var by = duration.AddTo(now) - now;
        if (by <= TimeSpan.Zero)
        {
            return Invalid("De klok gaat alleen vooruit; geef een duur groter dan nul.");
        }

        var moved = clock.Advance(by);

        // Timers that are due now fire on the next sweep; wake it rather than wait for its poll.
        timers.Notify();
        return TypedResults.Ok(new Response(moved, clock.Offset));
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["advance"] = [message] }, title: "Ongeldig verzoek");
}
