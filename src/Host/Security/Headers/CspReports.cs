using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AdviesRoute.Host.Security.Headers;

/// <summary>One thing a browser's Content-Security-Policy blocked, as the browser reported it (addresses without token or query).</summary>
public sealed record CspViolation(string DocumentUri, string Directive, string BlockedUri, string SourceFile, int? LineNumber, string Sample)
{
    public override string ToString() =>
        $"{DocumentUri}: {Directive} blocked {(BlockedUri.Length > 0 ? BlockedUri : "(inline)")}" +
        (SourceFile.Length > 0 ? $" at {SourceFile}:{LineNumber}" : "") + (Sample.Length > 0 ? $" \"{Sample}\"" : "");
}

/// <summary>
/// The reports of the Testing environment, so a test can show that no page it opened broke the policy. Other
/// environments only log them.
/// </summary>
public sealed class CspReportStore
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<CspViolation> _violations = new();

    public IReadOnlyList<CspViolation> Violations => [.. _violations];

    /// <summary>Empties the store and returns what it held (for a test that breaks the policy on purpose).</summary>
    public IReadOnlyList<CspViolation> Take()
    {
        var taken = new List<CspViolation>();
        while (_violations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    internal void Add(CspViolation violation)
    {
        if (_violations.Count < Kept)
        {
            _violations.Enqueue(violation);
        }
    }
}

/// <summary>
/// <c>POST /csp-rapport</c>: where browsers report what the policy blocked, in either format (the
/// <c>application/csp-report</c> of <c>report-uri</c>, or the Reporting API's <c>application/reports+json</c>). Each
/// report becomes one structured warning in the log. Anyone can post here, so a report is read only up to
/// <see cref="MaxBytes"/>, one address sends at most <see cref="ReportsPerMinute"/> (a page that breaks the policy
/// sends a few; more would only fill the log), its texts are cut short, and a personal link's token never reaches the log.
/// </summary>
internal static partial class CspReports
{
    public const int MaxBytes = 16 * 1024;
    public const int ReportsPerMinute = 30;
    private const string RateLimit = "csp-rapport";
    private const int MaxText = 300;

    public static IServiceCollection AddCspReports(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter("csp:" + (context.Connection.RemoteIpAddress?.ToString() ?? "onbekend"), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = ReportsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));

    public static void MapCspReports(this IEndpointRouteBuilder app) =>
        app.MapPost(ContentSecurityPolicy.ReportPath, ReceiveAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimit).ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpContext context, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CspReports));
        var store = context.RequestServices.GetService<CspReportStore>();
        if (context.Request.ContentLength > MaxBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await context.Request.Body.ReadAsync(body.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        List<CspViolation> violations;
        try
        {
            violations = Read(body.AsSpan(0, length));
        }
        catch (JsonException)
        {
            return TypedResults.Problem(detail: "Dit is geen rapport van een browser over het beveiligingsbeleid (Content-Security-Policy).", statusCode: StatusCodes.Status400BadRequest);
        }

        foreach (var violation in violations)
        {
            LogViolation(logger, violation.DocumentUri, violation.Directive, violation.BlockedUri, violation.SourceFile, violation.LineNumber, violation.Sample);
            store?.Add(violation);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The violations in a report of either format; a body that is neither gives none, broken JSON throws.</summary>
    internal static List<CspViolation> Read(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var violations = new List<CspViolation>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var old))
        {
            violations.Add(Violation(old, "document-uri", "violated-directive", "effective-directive", "blocked-uri", "source-file", "line-number", "script-sample"));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var report in root.EnumerateArray())
            {
                if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty("type", out var type) && type.ValueEquals("csp-violation")
                    && report.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
                {
                    violations.Add(Violation(body, "documentURL", "effectiveDirective", "effectiveDirective", "blockedURL", "sourceFile", "lineNumber", "sample"));
                }
            }
        }

        return violations;
    }

    private static CspViolation Violation(JsonElement report, string document, string directive, string effective, string blocked, string source, string line, string sample) =>
        new(Address(Text(report, document)), Short(Text(report, effective) is { Length: > 0 } e ? e : Text(report, directive)), Address(Text(report, blocked)),
            Address(Text(report, source)), report.TryGetProperty(line, out var n) && n.TryGetInt32(out var number) ? number : null, Short(Text(report, sample)));

    private static string Text(JsonElement report, string name) =>
        report.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>An address as the log may keep it: no query or fragment, and a personal link's token replaced.</summary>
    internal static string Address(string address)
    {
        var cut = address.IndexOfAny(['?', '#']);
        var plain = cut < 0 ? address : address[..cut];
        return Short(LinkToken().Replace(plain, "/verzoek/[link]"));
    }

    private static string Short(string text) => text.Length <= MaxText ? text : text[..MaxText] + "…";

    [GeneratedRegex(@"/verzoek/[^/]+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkToken();

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "The browser blocked {BlockedUri} on {DocumentUri} by the Content-Security-Policy ({Directive}) at {SourceFile}:{LineNumber}: {Sample}")]
    private static partial void LogViolation(ILogger logger, string documentUri, string directive, string blockedUri, string sourceFile, int? lineNumber, string sample);
}
