using System.Globalization;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Archive;

/// <summary>
/// <c>/api/archief</c>: a closed proposal's dossier, or every dossier closed in a period, as a ZIP with MDTO metadata
/// for an e-depot. Refusals are problem details with the reason in Dutch; nothing is written for a refused dossier.
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        var archive = app.MapGroup("/api/archief").WithTags("Archief").RequireAuthorization(Policies.OperateInstances)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        archive.MapGet("/voorstellen/{instanceId}", DossierAsync)
            .WithName("ExportDossier")
            .WithSummary("Het dossier van een afgesloten voorstel als ZIP: de bestanden en per object MDTO-metagegevens.")
            .Produces(StatusCodes.Status200OK, contentType: ArchiveExporter.ZipType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        archive.MapGet("/periode", PeriodAsync)
            .WithName("ExportPeriod")
            .WithSummary("Alle dossiers die van ‘van’ tot en met ‘tot’ (datums als 2027-01-31) zijn afgesloten, elk in een eigen map, als één ZIP; overzicht.txt noemt wat is weggelaten en waarom.")
            .Produces(StatusCodes.Status200OK, contentType: ArchiveExporter.ZipType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DossierAsync(string instanceId, ArchiveExporter exporter, CancellationToken cancellationToken)
    {
        var (package, refusal) = await exporter.ExportDossierAsync(instanceId, cancellationToken);
        return package is null
            ? Refused(refusal!)
            : TypedResults.Stream(package.Content, ArchiveExporter.ZipType, package.FileName);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PeriodAsync(string? van, string? tot, ArchiveExporter exporter, CancellationToken cancellationToken)
    {
        if (Period(van, tot) is { Error: { } error })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige periode", detail: error);
        }

        var (from, to, _) = Period(van, tot);
        try
        {
            var package = await exporter.ExportPeriodAsync(from, to, cancellationToken);
            return TypedResults.Stream(package.Content, ArchiveExporter.ZipType, package.FileName);
        }
        catch (ArchivePeriodTooLargeException tooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Periode te groot", detail: tooLarge.Message);
        }
    }

    /// <summary>The period from two dates as <c>2027-01-31</c>; the error in Dutch when they are missing, unreadable or the wrong way round.</summary>
    public static (DateOnly From, DateOnly To, string? Error) Period(string? van, string? tot)
    {
        if (!DateOnly.TryParseExact(van, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(tot, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return (default, default, "Geef de periode met ‘van’ en ‘tot’ als datums, bijvoorbeeld van=2027-01-01 en tot=2027-12-31.");
        }

        return from > to ? (from, to, "De begindatum ligt na de einddatum.") : (from, to, null);
    }

    private static ProblemHttpResult Refused(ArchiveRefusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Voorstel niet gevonden", detail: refusal.Detail),
        RefusalKind.NotClosed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Voorstel nog niet afgesloten", detail: refusal.Detail),
        RefusalKind.UnknownKind => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Soort niet in de selectielijst", detail: refusal.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Stuk ontbreekt", detail: refusal.Detail),
    };
}

/// <summary>Registers the archive export and its configuration.</summary>
public static class ArchiveServiceCollectionExtensions
{
    /// <summary>The archive: <see cref="ArchiveOptions"/> from <c>Archief</c>, checked at start-up, and the exporter.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddScoped<ArchiveExporter>();
        return services;
    }
}
