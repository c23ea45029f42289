using System.Globalization;
using System.Text.Json;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Ontwerper;

/// <summary>
/// <c>/Ontwerper/{definitionId}</c>: the page that hosts the designer (the React app in Designer/ClientApp, built
/// into wwwroot/designer). The app reads the draft through the API; this page names the route, tells the app whether
/// the person is an administrator (only they see JavaScript, behind "Geavanceerd"), and gives it the lists a property
/// is picked from: the bodies, the members by name and role, and the meetings of the jaarkalender. Nothing personal
/// beyond a member's name and role leaves the server here.
/// </summary>
[Authorize(Policy = Policies.DesignWorkflows)]
public sealed class RouteModel(IWorkflowReader reader, IGovernanceDirectory directory, TimeProvider time) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DefinitionId { get; private set; } = "";

    /// <summary>The latest version's name, or null for a route that does not exist yet.</summary>
    public string? Name { get; private set; }

    /// <summary>Whether the person may see and write JavaScript in a route (role <c>admin</c>).</summary>
    public bool IsAdministrator { get; private set; }

    /// <summary>The picker lists as JSON, for the app (script-safe: System.Text.Json escapes &lt; and &gt;).</summary>
    public string PickListsJson { get; private set; } = "{}";

    public async Task OnGetAsync(string definitionId, CancellationToken cancellationToken)
    {
        DefinitionId = definitionId;
        Name = await reader.ListDefinitionVersionsAsync(definitionId, cancellationToken) is [var newest, ..] ? newest.Name : null;
        IsAdministrator = User.IsInRole(Roles.Admin);
        PickListsJson = JsonSerializer.Serialize(PickLists(directory.Current, DutchTime.Today(time.GetUtcNow())), Json);
    }

    /// <summary>What the designer picks from: current and future members only, meetings from today on.</summary>
    internal static object PickLists(GovernanceSnapshot snapshot, DateOnly today)
    {
        var model = snapshot.Model;
        return new
        {
            bodies = model.Bodies.Select(b => new { id = b.Id, name = b.Name, kind = b.Kind.ToString() }),
            members = model.Members
                .Where(m => m.To is null || m.To >= today)
                .OrderBy(m => m.Name, StringComparer.CurrentCulture)
                .Select(m => new
                {
                    id = m.Id,
                    name = m.Name,
                    role = m.Role.ToString().ToLowerInvariant(),
                    body = m.Body,
                    bodyName = model.FindBody(m.Body)?.Name ?? m.Body,
                }),
            meetings = snapshot.Calendar.Meetings
                .Where(m => m.Date >= today)
                .OrderBy(m => m.Date).ThenBy(m => m.Time)
                .Select(m => new
                {
                    id = m.Id,
                    body = m.Body,
                    date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    time = m.Time.ToString("HH\\:mm", CultureInfo.InvariantCulture),
                }),
        };
    }
}
