namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>One withdrawal form on the meeting page (<c>_PortaalIntrekken</c>).</summary>
/// <param name="Key">Makes the form's ids unique on the page.</param>
/// <param name="Handler">"intrekken" (agenda or besluitenlijst) or "stukintrekken" (one stuk).</param>
/// <param name="Kind">For "intrekken": "agenda" or "besluitenlijst".</param>
/// <param name="DocumentId">For "stukintrekken": the stuk.</param>
/// <param name="Reason">The reason typed before a refusal, shown again.</param>
/// <param name="Open">Unfolded: after a refusal of this form.</param>
public sealed record PortalWithdrawForm(string Key, string Handler, string? Kind, string? DocumentId, string Label, string? Reason, bool Open);
