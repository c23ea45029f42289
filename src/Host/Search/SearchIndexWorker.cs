using AdviesRoute.Workflows.Queries;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Search;

/// <summary>
/// Keeps slow indexing off the request: at start-up it brings the index level with the database (existing documents,
/// proposals changed while the host was down), then reads each stored document's text when woken
/// (<see cref="SearchIndexSignal"/>). Every <see cref="SearchOptions.RefreshMinutes"/> it also catches up with proposals
/// changed elsewhere (another host, the API), when the engine's change mark moved. A failure is logged and retried on the
/// next wake; it never stops the host. It begins once the host has started, so on a new database the start-up
/// migrations have made the tables it reads.
/// </summary>
internal sealed class SearchIndexWorker(IServiceScopeFactory scopes, SearchIndexSignal signal, IOptions<SearchOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SearchIndexWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        string? mark = null;
        var catchUp = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
                var current = await scope.ServiceProvider.GetRequiredService<IWorkflowReader>().GetChangeMarkAsync(stoppingToken);
                if (catchUp && current != mark)
                {
                    await index.CatchUpAsync(stoppingToken);
                    mark = current;
                }

                var read = await index.ReadPendingAsync(stoppingToken);
                if (read > 0)
                {
                    log.LogInformation("Search index: read the text of {Count} documents.", read);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong (the database away for a moment), the next wake tries again; the host keeps running.
                log.LogError(e, "Search index: catching up failed; it is tried again.");
            }

            catchUp = await WokenOrDueAsync(stoppingToken);
        }
    }

    /// <summary>Waits until every start-up task of the host has run; false when the host stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for a wake (false) or the refresh interval (true: catch up with proposals).</summary>
    private async Task<bool> WokenOrDueAsync(CancellationToken stoppingToken)
    {
        using var interval = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var due = Task.Delay(TimeSpan.FromMinutes(options.Value.RefreshMinutes), time, interval.Token);
        var woken = signal.WaitAsync(interval.Token);
        try
        {
            var first = await Task.WhenAny(due, woken);
            return first == due;
        }
        finally
        {
            await interval.CancelAsync();
            await Task.WhenAll(due.ContinueWith(_ => { }, TaskScheduler.Default), woken.ContinueWith(_ => { }, TaskScheduler.Default));
        }
    }
}
