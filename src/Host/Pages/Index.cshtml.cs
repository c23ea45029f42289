using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages;

[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public void OnGet() =>
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.DisplayName).ToList();
}
