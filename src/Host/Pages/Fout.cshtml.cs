using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages;

/// <summary>
/// The Dutch page of an error (<see cref="Look.ErrorPages"/>): what happened in words, and where to go on. It keeps the
/// status the request ended with; opened on its own it says nothing went wrong that it knows of.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class FoutModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet() => Status = StatusOfRequest();

    /// <summary>A failed POST is shown the same page (re-execution keeps the method).</summary>
    public void OnPost() => Status = StatusOfRequest();

    private int StatusOfRequest() =>
        HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null ? StatusCodes.Status500InternalServerError
        : HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null ? Response.StatusCode
        : StatusCodes.Status200OK;
}
