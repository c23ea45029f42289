using Hangfire;

namespace AdviesRoute.Host.Links;

/// <summary>Registers the handover of open requests to successors as a recurring Hangfire job (every quarter of an hour).</summary>
internal sealed class SeatHandoverSchedule(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<SeatHandoverJob>(SeatHandoverJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
