using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Directory;

/// <summary>The governance model and the jaarkalender as they stand, with the stored version of each.</summary>
public sealed record GovernanceSnapshot(GovernanceModel Model, Jaarkalender Calendar, long ModelVersion = 0, long CalendarVersion = 0);

/// <summary>
/// Where the governance activities read the bodies, members and meetings from. The host serves the stored,
/// current version; a simulation or a test may pass a fixed one.
/// </summary>
public interface IGovernanceDirectory
{
    GovernanceSnapshot Current { get; }
}

/// <summary>A directory that never changes: for tests and for what-if simulations on an edited calendar.</summary>
public sealed class FixedGovernanceDirectory(GovernanceSnapshot snapshot) : IGovernanceDirectory
{
    public GovernanceSnapshot Current { get; } = snapshot;
}
