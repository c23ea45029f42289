using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Store;
using Hangfire;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Registers the handover of open requests to successors, and the move of open links to changed addresses, as
/// recurring Hangfire jobs (every quarter of an hour).
/// </summary>
internal sealed class SeatHandoverSchedule(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<SeatHandoverJob>(SeatHandoverJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        jobs.AddOrUpdate<AddressChangeJob>(AddressChangeJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Runs the handover at once when the governance model changed (a term ended, a successor added), so a successor does
/// not wait for the next quarter of an hour. Terms that end on a later day are still picked up by the schedule. A
/// changed address moves the member's open links to it at once too (the old links are revoked).
/// </summary>
internal sealed class SeatHandoverOnChange(IBackgroundJobClient jobs) : IGovernanceModelListener
{
    public void ModelChanged(GovernanceSnapshot snapshot)
    {
        jobs.Enqueue<SeatHandoverJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<AddressChangeJob>(job => job.RunAsync(CancellationToken.None));
    }
}
