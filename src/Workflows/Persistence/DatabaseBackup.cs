using Microsoft.Data.Sqlite;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>
/// Online backup with SQLite's backup API: a consistent copy while the host keeps running and writing.
/// Restore = stop the host, replace the database file by the copy (and delete its -wal and -shm files), start.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the live database to <paramref name="targetFile"/> (overwritten) and checks the copy.</summary>
    /// <returns>The result of <c>PRAGMA integrity_check</c> on the copy ("ok" when sound).</returns>
    public static string Create(string connectionString, string targetFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(targetFile));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (File.Exists(targetFile))
        {
            File.Delete(targetFile);
        }

        using (var source = SqliteSetup.Open(connectionString))
        using (var target = new SqliteConnection($"Data Source={targetFile};Pooling=False"))
        {
            target.Open();
            source.BackupDatabase(target);
            using var toDelete = target.CreateCommand();
            toDelete.CommandText = "PRAGMA journal_mode=DELETE;";
            toDelete.ExecuteNonQuery();
        }

        using var check = new SqliteConnection($"Data Source={targetFile};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
