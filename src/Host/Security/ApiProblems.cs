namespace AdviesRoute.Host.Security;

/// <summary>
/// The answers to an API caller who is not signed in or lacks a role (problem details with 401 or 403, never a
/// redirect to the login page a program cannot use), or whose request <see cref="ApiRequestGuard"/> refuses.
/// </summary>
internal static class ApiProblems
{
    public const string UnsupportedMediaTypeTitle = "Verkeerd type inhoud";

    public const string UnsupportedMediaTypeDetail = "Stuur de inhoud als JSON (Content-Type: application/json); er is niets gewijzigd.";

    /// <summary>Requests for which a program, not a browser, is the expected caller.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    public static Task UnauthorizedAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Niet aangemeld",
            detail: "Meld u aan, of stuur een geldige API-sleutel in de header X-Api-Key.")
        .ExecuteAsync(context);

    /// <summary>Why a session with a password an administrator made gets no further than choosing its own.</summary>
    public const string TemporaryPasswordDetail = "U bent ingelogd met een tijdelijk wachtwoord. Kies eerst een eigen wachtwoord op /Account/Wachtwoord.";

    public static Task ForbiddenAsync(HttpContext context, string detail = "Uw rol geeft geen toegang tot deze handeling.") =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Geen toegang",
            detail: detail)
        .ExecuteAsync(context);

    /// <summary>A body that is not JSON, to an API that reads only JSON: nothing was read or changed.</summary>
    public static Task UnsupportedMediaTypeAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: UnsupportedMediaTypeTitle,
            detail: UnsupportedMediaTypeDetail)
        .ExecuteAsync(context);

    /// <summary>A change through the session cookie without the page's antiforgery token: nothing was changed.</summary>
    public static Task AntiforgeryRefusedAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Verzoek niet uitgevoerd",
            detail: "Het verzoek kwam niet aantoonbaar van een pagina van AdviesRoute en is niet uitgevoerd; er is niets gewijzigd. " +
                "Laad de pagina opnieuw en probeer het nog eens.")
        .ExecuteAsync(context);
}
