using AdviesRoute.Host.Security;

namespace AdviesRoute.Host.Look;

/// <summary>
/// Dutch pages for errors outside the API: a status without a body (404 for an unknown address, 403, 405, ...) and an
/// exception nobody handled (500) are answered by the page <see cref="Path"/> with the same status. The API keeps its
/// problem details.
/// </summary>
public static class ErrorPages
{
    /// <summary>The page that tells what went wrong (Pages/Fout.cshtml).</summary>
    public const string Path = "/Fout";

    /// <summary>Only in the Testing environment: a page request that fails on purpose, to show the 500 page.</summary>
    public const string TestingFailureRoute = "/testing/storing";

    /// <summary>Re-executes <see cref="Path"/> for a page request that failed or ended with an error status and no body.</summary>
    public static IApplicationBuilder UseDutchErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(context => !ApiProblems.IsApiRequest(context.Request), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = Path });
            pages.UseStatusCodePagesWithReExecute(Path);
        });

    /// <summary>Maps <see cref="TestingFailureRoute"/>: the Testing environment only.</summary>
    public static IEndpointRouteBuilder MapTestingFailure(this IEndpointRouteBuilder app)
    {
        app.MapGet(TestingFailureRoute, IResult () => throw new InvalidOperationException("Een storing op verzoek van een test."))
            .ExcludeFromDescription();
        return app;
    }
}
