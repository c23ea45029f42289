using System.Security.Claims;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// Mijn taken: what waits on the signed-in secretary now, for the pillar and bodies they serve (kept with their
/// account, set on this page), overdue first; the same list goes out as the weekly digest.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
public sealed class TakenModel(ProposalReader reader, AdviesRoute.Host.Proposals.Meetings.MeetingAgenda agenda, UserManager<HostUser> users, IGovernanceDirectory directory) : PageModel
{
    public IReadOnlyList<SecretaryTask> Tasks { get; private set; } = [];

    public string? Pillar { get; private set; }

    public IReadOnlyList<string> Bodies { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> BodyChoices { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostScopeAsync(string? pijler, List<string> orgaan, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid(); // API keys have no account to keep a scope with
        }

        var known = directory.Current.Model.Bodies.Select(b => b.Id).ToHashSet();
        await SecretaryScope.SaveAsync(users, user, ProposalLabels.Pillars.ContainsKey(pijler ?? "") ? pijler : null, orgaan.Where(known.Contains).ToList());
        Message = "Uw werkgebied is opgeslagen.";
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(HostUser? user, CancellationToken cancellationToken)
    {
        (Pillar, Bodies) = user is null ? (null, []) : await SecretaryScope.ReadAsync(users, user);
        BodyChoices = directory.Current.Model.Bodies.Where(b => b.Municipality is null).Select(b => (b.Id, b.Name)).ToList();
        Tasks = SecretaryTasks.Merge(await reader.TasksAsync(Pillar, Bodies, cancellationToken), await agenda.ConvocationTasksAsync(Bodies, cancellationToken));
    }
}

/// <summary>The pillar and bodies a secretary serves, kept as claims of their account.</summary>
public static class SecretaryScope
{
    public const string PillarClaim = "adviesroute:pijler";
    public const string BodyClaim = "adviesroute:orgaan";

    public static async Task<(string? Pillar, IReadOnlyList<string> Bodies)> ReadAsync(UserManager<HostUser> users, HostUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        return (claims.FirstOrDefault(c => c.Type == PillarClaim)?.Value, claims.Where(c => c.Type == BodyClaim).Select(c => c.Value).ToList());
    }

    public static async Task SaveAsync(UserManager<HostUser> users, HostUser user, string? pillar, IReadOnlyList<string> bodies)
    {
        var old = (await users.GetClaimsAsync(user)).Where(c => c.Type is PillarClaim or BodyClaim).ToList();
        await users.RemoveClaimsAsync(user, old);
        var fresh = bodies.Distinct().Select(b => new Claim(BodyClaim, b)).ToList();
        if (pillar is not null)
        {
            fresh.Add(new Claim(PillarClaim, pillar));
        }

        await users.AddClaimsAsync(user, fresh);
    }
}
