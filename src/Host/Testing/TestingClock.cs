using System.Globalization;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Timers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdviesRoute.Host.Testing;

/// <summary>
/// The clock offset of the Testing environment, its start moment <c>Testing:Now</c>, and <c>POST /api/testing/clock</c>,
/// which moves it.
/// </summary>
public static partial class TestingClock
{
    /// <summary>The only environment in which the clock can be moved.</summary>
    public const string EnvironmentName = "Testing";

    public const string Route = "/api/testing/clock";

    /// <summary>
    /// The moment the Testing clock starts at, as ISO 8601 with its offset (e.g. <c>2027-02-01T09:00:00+01:00</c>);
    /// without it the clock starts at the wall clock. A host started twice on the same data at the same moment sees the
    /// same deadlines, meetings and overdue marks.
    /// </summary>
    public const string NowSetting = "Testing:Now";

    /// <param name="Advance">An ISO 8601 duration such as <c>P12W</c> or <c>PT1H</c>.</param>
    public sealed record Request(string? Advance = null);

    /// <param name="Now">The application's time after the move.</param>
    /// <param name="Offset">How far it runs ahead of the wall clock.</param>
    public sealed record Response(DateTimeOffset Now, TimeSpan Offset);

    /// <summary>Must come before the engine's registration, which only adds the system clock when none is registered.</summary>
    internal static IServiceCollection AddOffsetClock(this IServiceCollection services, IConfiguration configuration)
    {
        // Read while registering, so a wrong moment stops the start before anything is stored at the wrong time.
        var startsAt = StartMoment(configuration[NowSetting]);

        // Built explicitly: letting the container pick the constructor would resolve TimeProvider, i.e. itself.
        services.AddSingleton(_ => startsAt is { } moment ? new OffsetTimeProvider(TimeProvider.System, moment) : new OffsetTimeProvider(TimeProvider.System));
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<OffsetTimeProvider>());
        return services;
    }

    /// <summary>The moment of <c>Testing:Now</c>; null when the setting is empty.</summary>
    /// <exception cref="InvalidOperationException">The value is not an ISO 8601 moment with an offset.</exception>
    public static DateTimeOffset? StartMoment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The offset is required: a moment without one would mean another instant on every machine.
        if (MomentPattern().IsMatch(value.Trim())
            && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return moment;
        }

        throw new InvalidOperationException(
            $"{NowSetting} '{value}' is geen ISO 8601-moment met tijdzone, bijvoorbeeld 2027-02-01T09:00:00+01:00 "
            + $"({NowSetting} is not an ISO 8601 moment with an offset); de host start niet.");
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MomentPattern();

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
