using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using AdviesRoute.Workflows;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdviesRoute.Host.Health;

/// <summary>Configuration section <c>OpenTelemetry</c>: where traces and metrics go. Without an endpoint they are kept in the process only.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (with <see cref="Protocol"/> HttpProtobuf).</summary>
    [Url(ErrorMessage = "OpenTelemetry:OtlpEndpoint is geen geldig adres. (OpenTelemetry:OtlpEndpoint is not a valid URL.)")]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The service name the collector shows.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ServiceName { get; set; } = "AdviesRoute";
}

/// <summary>
/// Traces and metrics through OpenTelemetry: the requests (ASP.NET Core), the engine's operations, commits, timers and
/// outbox (<see cref="WorkflowTelemetry"/>) and the host's own mail refusals (<see cref="HostTelemetry"/>), exported
/// over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddAdviesRouteTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.Name, HostTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health")))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowTelemetry.Name, HostTelemetry.Name)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            telemetry.UseOtlpExporter(options.Protocol, endpoint);
        }

        return services;
    }
}

/// <summary>What the host itself counts for monitoring.</summary>
public static class HostTelemetry
{
    /// <summary>The name of the host's activity source and meter.</summary>
    public const string Name = "AdviesRoute.Host";

    private static readonly Meter Meter = new(Name);

    /// <summary>Recipients an SMTP server refused permanently (5xx): an address to correct in the governance model.</summary>
    internal static readonly Counter<long> MailRefused = Meter.CreateCounter<long>(
        "adviesroute.mail.refused", "{recipient}", "Recipients the SMTP server refused permanently (5xx); the mail is not retried for them.");
}
