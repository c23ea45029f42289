using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// The host on a fresh copy of the data stored by an earlier version (Fixtures/StoredBefore12: database, link key,
/// key-ring certificate, mails), with its Testing clock started at the moment that data stands at. The committed
/// files are never opened for writing; the copy is deleted afterwards.
/// </summary>
public sealed class StoredDataHost : HostFixture
{
    /// <summary>An API key with the administrator's role: it moves the clock and, unlike a session, never expires on the way.</summary>
    public const string AdminKey = "beheer-sleutel-0123456789abcdef0123456789";

    public StoredDataHost()
        : base(CopyOfFixture(), "Testing", Fixture.AdminPassword)
    {
    }

    /// <summary>The committed fixture, as copied to the test output.</summary>
    public static string Source { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "StoredBefore12");

    internal static StoredFixture Fixture { get; } = StoredFixture.Read(Source);

    /// <summary>The mails the earlier version sent, with their personal links, as committed.</summary>
    internal static IReadOnlyList<RequestMail> OldMails { get; } = RequestMail.In(Path.Combine(Source, StoredFixture.MailFolder));

    public HttpClient Admin() => WithApiKey(AdminKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", Fixture.Moment);
        builder.UseSetting("Security:Admin:Email", Fixture.AdminEmail);
        builder.UseSetting("Security:ApiKeys:2:Name", "beheer");
        builder.UseSetting("Security:ApiKeys:2:Key", AdminKey);
        builder.UseSetting("Security:ApiKeys:2:Roles:0", "admin");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // already gone (disposed twice), or a file still held by a finishing background thread: the OS cleans temp
        }
    }

    private static string CopyOfFixture()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-stored-").FullName;
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file);
            if (relative is StoredFixture.ManifestFile or "README.md" or ".gitattributes")
            {
                continue;
            }

            var copy = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return folder;
    }
}
