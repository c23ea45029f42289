using System.Reflection;
using AdviesRoute.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// Counts the transactions the group-commit writer commits, with a SQLite commit hook on its connection, so a run
/// can show how many bursts share one commit. Diagnostic only: it reaches a private field, and when that is not
/// there (renamed, or no connection yet) the count is simply not reported.
/// </summary>
internal sealed class WriterProbe : IDisposable
{
    private readonly sqlite3 _handle;
    private long _commits;

    private WriterProbe(sqlite3 handle)
    {
        _handle = handle;
        raw.sqlite3_commit_hook(handle, OnCommit, null);
    }

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Attaches to the writer's connection; call while the writer is idle.</summary>
    public static WriterProbe? TryAttach(GroupCommitWriter writer)
    {
        var field = typeof(GroupCommitWriter).GetField("_connection", BindingFlags.NonPublic | BindingFlags.Instance);
        return field?.GetValue(writer) is SqliteConnection { Handle: { } handle } ? new WriterProbe(handle) : null;
    }

    private int OnCommit(object user_data)
    {
        Interlocked.Increment(ref _commits);
        return 0;
    }

    public void Dispose() => raw.sqlite3_commit_hook(_handle, null, null);
}
