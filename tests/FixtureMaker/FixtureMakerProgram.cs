using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.Data.Sqlite;

namespace AdviesRoute.FixtureMaker;

/// <summary>
/// Makes a folder of data stored by this version of AdviesRoute, for tests that a later version still reads and
/// continues it: <c>dotnet run --project tests/FixtureMaker -- &lt;folder&gt;</c>. It starts the host in memory with its
/// Testing clock at 2 November 2026, plays <see cref="Story"/> through HTTP up to 1 February 2027, and writes into the
/// (empty or new) folder: the database as one self-contained SQLite file, the link key, the key-ring certificate, the
/// mails the host sent, and <c>fixture.json</c> with what this version shows of it at that moment.
/// </summary>
internal static class FixtureMakerProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("Gebruik / usage: dotnet run --project tests/FixtureMaker -- <map>");
            return 2;
        }

        var target = Path.GetFullPath(args[0]);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await Console.Error.WriteLineAsync($"{target} is niet leeg; kies een lege of nieuwe map (is not empty).");
            return 2;
        }

        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the working
        // directory, as a test runner has it; `dotnet run` starts in the repository instead.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        var work = Directory.CreateTempSubdirectory("adviesroute-fixture-").FullName;
        var check = Directory.CreateTempSubdirectory("adviesroute-fixture-check-").FullName;
        try
        {
            IReadOnlyList<MadeProposal> made;
            await using (var host = new MakerHost(work, Story.Start))
            {
                made = await new Story(host, work).RunAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(target);
            Export(work, target);

            // What this version shows at the moment, read from a copy started the way the tests start theirs.
            CopyFolder(target, check);
            StoredFixture fixture;
            await using (var host = new MakerHost(check, Story.Moment))
            {
                fixture = await Expectations.ReadAsync(host, made);
            }

            fixture.Write(target);
            Console.WriteLine($"{target}: {fixture.Proposals.Count} voorstellen, {fixture.Overview.Count} zoekvragen, {fixture.Agendas.Count} agenda's; moment {fixture.Moment}.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
            Directory.Delete(check, recursive: true);
        }
    }

    /// <summary>
    /// The database as one compact file without a write-ahead log (checkpointed, then <c>VACUUM INTO</c>), and the files
    /// the same host needs beside it to read it as before: the link key (the links in the mails), the key-ring
    /// certificate (the session keys stored encrypted in the database) and the mails themselves.
    /// </summary>
    private static void Export(string work, string target)
    {
        var database = Path.Combine(target, StoredFixture.DatabaseFile);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(work, StoredFixture.DatabaseFile)};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            Execute(connection, $"VACUUM INTO '{database.Replace("'", "''", StringComparison.Ordinal)}';");
        }

        // Rollback journal, so the file needs no -wal beside it; pages of 1 KB, as most of its tables are small or empty.
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=DELETE;");
            Execute(connection, "PRAGMA page_size=1024;");
            Execute(connection, "VACUUM;");
        }

        File.Copy(Path.Combine(work, StoredFixture.LinkKeyFile), Path.Combine(target, StoredFixture.LinkKeyFile));
        File.Copy(Path.Combine(work, StoredFixture.CertificateFile), Path.Combine(target, StoredFixture.CertificateFile));
        var mail = Directory.CreateDirectory(Path.Combine(target, StoredFixture.MailFolder)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(work, StoredFixture.MailFolder), "*.eml"))
        {
            File.Copy(file, Path.Combine(mail, Path.GetFileName(file)));
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
