namespace AdviesRoute.Host.Security;

/// <summary>
/// The answers to an API caller who is not signed in or lacks a role: problem details with 401 or 403, never a
/// redirect to the login page a program cannot use.
/// </summary>
internal static class ApiProblems
{
    /// <summary>Requests for which a program, not a browser, is the expected caller.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    public static Task UnauthorizedAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Niet aangemeld",
            detail: "Meld u aan, of stuur een geldige API-sleutel in de header X-Api-Key.")
        .ExecuteAsync(context);

    public static Task ForbiddenAsync(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Geen toegang",
            detail: "Uw rol geeft geen toegang tot deze handeling.")
        .ExecuteAsync(context);
}
