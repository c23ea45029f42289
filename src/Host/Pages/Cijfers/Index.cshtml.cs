using System.Globalization;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Proposals.Figures;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Cijfers;

/// <summary>
/// Figures over the proposals started in a period (the current year unless chosen): where they are, days per step and
/// body, the councils and the zienswijze deadline, proposals past a legal deadline, board touches; each table also as CSV.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(ProposalFigures figures, TimeProvider time) : PageModel
{
    public Figures? Data { get; private set; }

    /// <summary>The dates as typed (or the defaults), kept after a refusal.</summary>
    public string Van { get; private set; } = "";

    public string Tot { get; private set; } = "";

    /// <summary>Why the period was refused, per field ("van", "tot"); empty when it was taken.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? van, string? tot, CancellationToken cancellationToken)
    {
        if (Period(van, tot) is not { } period)
        {
            return Page();
        }

        Data = await figures.ComputeAsync(period, cancellationToken);
        return Page();
    }

    /// <summary>One table as a CSV file (UTF-8 with BOM, semicolons) for Dutch Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? tabel, string? van, string? tot, CancellationToken cancellationToken)
    {
        if (Period(van, tot) is not { } period)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Data = await figures.ComputeAsync(period, cancellationToken);
        var table = Data.Tables.FirstOrDefault(t => t.Key == tabel);
        if (table is null)
        {
            Errors["tabel"] = "Deze tabel bestaat niet. Kies hieronder een tabel om te downloaden.";
            return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        }

        return File(table.ToCsv(), "text/csv; charset=utf-8",
            $"cijfers-{table.Key}-{period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-tot-en-met-{period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>The address of a period (or of a table's CSV for it).</summary>
    public string Link(DateOnly from, DateOnly to, string? table = null) =>
        $"/Cijfers?{(table is null ? "" : $"handler=csv&tabel={table}&")}van={Day(from)}&tot={Day(to)}";

    public static string Day(DateOnly day) => DayInput.Format(day);

    private FiguresPeriod? Period(string? van, string? tot)
    {
        var today = DutchTime.Today(time.GetUtcNow());
        ThisYear = today.Year;
        Van = string.IsNullOrWhiteSpace(van) ? Day(new DateOnly(today.Year, 1, 1)) : van.Trim();
        Tot = string.IsNullOrWhiteSpace(tot) ? Day(new DateOnly(today.Year, 12, 31)) : tot.Trim();
        var from = Parse("van", "begindatum", Van);
        var to = Parse("tot", "einddatum", Tot);
        if (from is { } f && to is { } t && f > t)
        {
            Errors["tot"] = $"De einddatum ({Tot}) ligt vóór de begindatum ({Van}). Kies een einddatum op of na de begindatum.";
        }

        return Errors.Count == 0 ? new FiguresPeriod(from!.Value, to!.Value) : null;
    }

    private DateOnly? Parse(string field, string name, string text)
    {
        if (DayInput.TryParse(text, out var day))
        {
            return day;
        }

        Errors[field] = DayInput.Refusal(name, text, ThisYear);
        return null;
    }
}
