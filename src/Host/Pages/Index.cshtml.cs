using AdviesRoute.Host.Look;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages;

/// <summary>
/// The start: everyone lands on the page of their work (<see cref="Landing"/>): a secretary on Mijn taken, a process owner
/// on the routes, an administrator on the overview of the installation. Only an account without a role stays here.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Landing.For(User) is { } start ? LocalRedirect(start) : Page();
}
