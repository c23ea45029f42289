using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Host.Data;

/// <summary><c>dotnet run --project src/Host -- backup FILE</c>: an online backup of the database, then exit.</summary>
public static class BackupCommand
{
    /// <summary>Runs the command when the arguments ask for it; returns the exit code, or null to start the host.</summary>
    public static int? TryRun(string[] args, WebApplicationBuilder builder)
    {
        if (args.Length == 0 || args[0] != "backup")
        {
            return null;
        }

        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine("Gebruik: backup BESTAND   (bijvoorbeeld: backup /var/backups/adviesroute-2026-11-23.db)");
            return 2;
        }

        if (AdviesRoute.Workflows.WorkflowOptions.ProviderIn(builder.Configuration) == DatabaseProvider.PostgreSql)
        {
            Console.Error.WriteLine("De database is PostgreSQL: maak de back-up met de hulpmiddelen van de server (pg_dump, of continue archivering van de WAL); deze opdracht kopieert alleen een SQLite-bestand.");
            return 2;
        }

        var connectionString = DatabaseConnection.ResolveInConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        var target = Path.GetFullPath(args[1]);
        var check = DatabaseBackup.Create(connectionString, target);
        if (check != "ok")
        {
            Console.Error.WriteLine($"De kopie {target} is niet in orde: {check}");
            return 1;
        }

        Console.WriteLine($"Back-up geschreven naar {target} (integriteit: ok).");
        return 0;
    }
}
