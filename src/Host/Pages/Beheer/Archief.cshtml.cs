using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Archive;
using AdviesRoute.Host.Pages.Cijfers;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// The archive exports for secretaries and administrators: the proposals closed in a period, each with whether it can go
/// to the archive (or why not), a download per dossier and one for the whole period, and the selectielijst in use.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
public sealed class ArchiefModel(ArchiveExporter exporter, IOptions<ArchiveOptions> options, TimeProvider time) : PageModel
{
    public ArchiveOptions Options => options.Value;

    public string Van { get; private set; } = "";

    public string Tot { get; private set; } = "";

    public (DateOnly From, DateOnly To)? Period { get; private set; }

    public IReadOnlyList<ClosedDossier> Dossiers { get; private set; } = [];

    /// <summary>Per field (van, tot) what is wrong with it.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Why an export was refused, in Dutch.</summary>
    public string? Refusal { get; private set; }

    public DateOnly Today => DutchTime.Today(time.GetUtcNow());

    public string Link(DateOnly from, DateOnly to) => $"/Beheer/Archief?van={DayInput.Format(from)}&tot={DayInput.Format(to)}";

    public static string DownloadPeriod(DateOnly from, DateOnly to) => $"/Beheer/Archief?handler=periode&van={DayInput.Format(from)}&tot={DayInput.Format(to)}";

    public static string DownloadDossier(string id) => $"/Beheer/Archief?handler=dossier&id={Uri.EscapeDataString(id)}";

    public async Task<IActionResult> OnGetAsync(string? van, string? tot, CancellationToken cancellationToken)
    {
        await ShowAsync(van, tot, cancellationToken);
        return Page();
    }

    /// <summary>One dossier as a ZIP; a refusal shows this page with the reason, and nothing is downloaded.</summary>
    public async Task<IActionResult> OnGetDossierAsync(string? id, CancellationToken cancellationToken)
    {
        var (package, refusal) = await exporter.ExportDossierAsync(id ?? "", cancellationToken);
        if (package is not null)
        {
            return File(package.Content, ArchiveExporter.ZipType, package.FileName);
        }

        Refusal = refusal!.Detail;
        Response.StatusCode = refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.NotClosed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        await ShowAsync(null, null, cancellationToken);
        return Page();
    }

    /// <summary>Every dossier closed in the period as one ZIP, with overzicht.txt naming what was left out and why.</summary>
    public async Task<IActionResult> OnGetPeriodeAsync(string? van, string? tot, CancellationToken cancellationToken)
    {
        if (Read(van, tot) is { } period)
        {
            try
            {
                var package = await exporter.ExportPeriodAsync(period.From, period.To, cancellationToken);
                return File(package.Content, ArchiveExporter.ZipType, package.FileName);
            }
            catch (ArchivePeriodTooLargeException tooLarge)
            {
                Refusal = tooLarge.Message;
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await ShowAsync(van, tot, cancellationToken);
        return Page();
    }

    private async Task ShowAsync(string? van, string? tot, CancellationToken cancellationToken)
    {
        Period = Read(van, tot);
        if (Period is { } period && Errors.Count == 0)
        {
            try
            {
                Dossiers = await exporter.ClosedInAsync(period.From, period.To, cancellationToken);
            }
            catch (ArchivePeriodTooLargeException tooLarge)
            {
                Errors["tabel"] = tooLarge.Message;
                Period = null;
            }
        }
    }

    /// <summary>The period from the fields; this year up to today when both are empty.</summary>
    private (DateOnly From, DateOnly To)? Read(string? van, string? tot)
    {
        var today = Today;
        Van = van ?? DayInput.Format(new DateOnly(today.Year, 1, 1));
        Tot = tot ?? DayInput.Format(today);
        if (!DayInput.TryParse(Van, out var from))
        {
            Errors["van"] = DayInput.Refusal("begindatum", Van, today.Year);
        }

        if (!DayInput.TryParse(Tot, out var to))
        {
            Errors["tot"] = DayInput.Refusal("einddatum", Tot, today.Year);
        }

        if (Errors.Count == 0 && from > to)
        {
            Errors["tot"] = $"De einddatum ({DutchFormat.Day(to)}) ligt vóór de begindatum ({DutchFormat.Day(from)}).";
        }

        return Errors.Count == 0 ? (from, to) : null;
    }
}
