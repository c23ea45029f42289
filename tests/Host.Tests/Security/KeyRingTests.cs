using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.KeyRing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// The data-protection key ring is stored in the database encrypted with a certificate kept outside it: whoever holds
/// only the database file (a backup, a stolen copy) cannot read or make a session cookie.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class KeyRingTests(HostFixture host)
{
    // The purposes the cookie handler protects the ticket of Identity's application cookie with.
    private static readonly string[] CookiePurposes =
        ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    private string CertificatePath => Path.Combine(host.Folder, KeyRingCertificate.DefaultFileName);

    [Fact]
    public async Task A_database_file_read_on_its_own_yields_no_usable_session_cookie()
    {
        var cookie = await AdminSessionCookieAsync(host);
        var stored = await StoredKeysAsync(host.DatabasePath);

        // Every key in the file has its master key encrypted: no readable <masterKey> element, an <encryptedSecret> instead.
        stored.Should().NotBeEmpty();
        foreach (var xml in stored)
        {
            var key = XElement.Parse(xml);
            key.Descendants().Where(e => e.Name.LocalName == "masterKey").Should().BeEmpty("a key stored in plain text would let a backup make cookies:\n" + xml);
            key.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").Should().ContainSingle()
                .Which.Attribute("decryptorType")!.Value.Should().Contain("EncryptedXmlDecryptor");
        }

        // From those rows alone, nothing can be unprotected: the cookie is of no use to the holder of the file.
        var withoutCertificate = () => Protector(stored, certificate: null).Unprotect(WebEncoders.Base64UrlDecode(cookie));
        withoutCertificate.Should().Throw<CryptographicException>();

        // The control: the same rows with the certificate read the cookie as the administrator's session.
        using var certificate = KeyRingCertificate.Read(CertificatePath, password: null);
        var ticket = new TicketDataFormat(Protector(stored, certificate)).Unprotect(cookie);
        ticket.Should().NotBeNull();
        ticket!.Principal.Identity!.Name.Should().Be(HostFixture.AdminEmail);
    }

    [Fact]
    public void The_certificate_is_made_in_Testing_on_first_start_beside_the_link_key_readable_by_the_service_user_only()
    {
        File.Exists(CertificatePath).Should().BeTrue();
        Path.GetDirectoryName(CertificatePath).Should().Be(Path.GetDirectoryName(Path.Combine(host.Folder, "link-key")));
        using (var certificate = KeyRingCertificate.Read(CertificatePath, password: null))
        {
            certificate.HasPrivateKey.Should().BeTrue();
        }

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(CertificatePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task A_production_host_without_a_certificate_refuses_to_start_and_names_the_setting()
    {
        var production = new ProductionHost(certificateFile: "", password: null);
        try
        {
            var start = () => production.CreateClient();

            var failure = start.Should().Throw<OptionsValidationException>().Which;

            failure.Failures.Should().ContainSingle().Which.Should().StartWith("DataProtection:CertificateFile is niet ingesteld");
        }
        finally
        {
            await ((IAsyncLifetime)production).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_start_with_a_message_that_says_so()
    {
        var production = new ProductionHost(certificateFile: null, password: "niet-het-wachtwoord");
        try
        {
            var start = () => production.CreateClient();

            start.Should().Throw<InvalidOperationException>()
                .WithMessage("*DataProtection:CertificateFile*het wachtwoord in DataProtection:CertificatePassword klopt niet*");
        }
        finally
        {
            await ((IAsyncLifetime)production).DisposeAsync();
        }
    }

    [Fact]
    public void A_certificate_file_that_is_missing_stops_the_start_with_a_message_that_says_so()
    {
        var missing = Path.Combine(host.Folder, "bestaat-niet.pfx");

        var read = () => KeyRingCertificate.Read(missing, password: null);

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{missing} (DataProtection:CertificateFile)*het bestand bestaat niet*");
    }

    [Fact]
    public async Task After_the_upgrade_the_unencrypted_key_is_revoked_so_a_cookie_made_with_it_from_an_old_backup_counts_for_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-upgrade-").FullName;
        try
        {
            // A database as the earlier version left it: its only key stored unencrypted, and in use.
            await using (var before = HostFixture.OnFolder(folder, HostFixture.AdminPassword))
            {
                _ = before.Server;
            }

            var oldKeys = Directory.CreateTempSubdirectory("adviesroute-oude-sleutel-");
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName("AdviesRoute").PersistKeysToFileSystem(oldKeys);
            await using (var provider = services.BuildServiceProvider())
            {
                provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("sleutel maken").Protect([1]);
            }

            var plainKey = await File.ReadAllTextAsync(oldKeys.GetFiles("*.xml").Single().FullName);
            SqliteConnection.ClearAllPools();
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "adviesroute.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """DELETE FROM "DataProtectionKeys"; INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ('eerdere-versie', $xml);""";
                command.Parameters.AddWithValue("$xml", plainKey);
                await command.ExecuteNonQueryAsync();
            }

            await using var after = HostFixture.OnFolder(folder, HostFixture.AdminPassword);
            var cookie = await AdminSessionCookieAsync(after);
            var stored = await StoredKeysAsync(after.DatabasePath);

            stored.Should().Contain(plainKey, "the old key stays in the database, revoked");
            stored.Should().Contain(x => x.Contains("<revocation", StringComparison.Ordinal) && x.Contains(UnencryptedKeys.RevocationReason, StringComparison.Ordinal));
            var withoutCertificate = () => Protector(stored, certificate: null).Unprotect(WebEncoders.Base64UrlDecode(cookie));
            withoutCertificate.Should().Throw<CryptographicException>("a cookie made after the upgrade uses a new, encrypted key");
            using var certificate = KeyRingCertificate.Read(Path.Combine(folder, KeyRingCertificate.DefaultFileName), password: null);
            var ticket = new TicketDataFormat(Protector(stored, certificate)).Unprotect(cookie)!;
            ticket.Principal.Identity!.Name.Should().Be(HostFixture.AdminEmail);

            // Whoever holds a backup from before the upgrade has the plain key: the administrator's ticket made with it
            // (the same claims, the same sign-in moment) is refused, while the same ticket made with the new key counts.
            string forged;
            await using (var provider = services.BuildServiceProvider())
            {
                forged = new TicketDataFormat(provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurposes)).Protect(ticket);
            }

            using var client = after.Anonymous();
            foreach (var (value, expected) in new[] { (forged, HttpStatusCode.Unauthorized), (cookie, HttpStatusCode.OK) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
                request.Headers.Add("Cookie", "AdviesRoute.Sessie=" + value);
                using var response = await client.SendAsync(request);
                response.StatusCode.Should().Be(expected);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Signs in as the administrator and returns the value of the AdviesRoute.Sessie cookie.</summary>
    private static async Task<string> AdminSessionCookieAsync(HostFixture host)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync("/Account/Login");
        var antiforgery = Cookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = HostFixture.AdminEmail,
                ["Input.Password"] = HostFixture.AdminPassword,
                ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(login);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var session = Cookies(signedIn).Single(c => c.StartsWith("AdviesRoute.Sessie=", StringComparison.Ordinal))["AdviesRoute.Sessie=".Length..];
        session.Should().NotStartWith("chunks-", "the test reads the cookie as one piece");

        // The control in the other direction: the host itself accepts the cookie.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
        request.Headers.Add("Cookie", "AdviesRoute.Sessie=" + session);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return session;
    }

    /// <summary>The Xml column of every DataProtectionKeys row, read from the SQLite file with no host involved.</summary>
    private static async Task<List<string>> StoredKeysAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Xml" FROM "DataProtectionKeys" """;
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>A data-protection stack of only these keys (no new key is made), with or without the certificate.</summary>
    private static IDataProtector Protector(List<string> keys, X509Certificate2? certificate)
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-sleutels-").FullName;
        for (var i = 0; i < keys.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"key-{i}.xml"), keys[i]);
        }

        var services = new ServiceCollection();
        var builder = services.AddDataProtection()
            .SetApplicationName("AdviesRoute")
            .PersistKeysToFileSystem(new DirectoryInfo(folder))
            .DisableAutomaticKeyGeneration();
        if (certificate is not null)
        {
            builder.UnprotectKeysWithAnyCertificate(certificate);
        }

        // The provider is left to the collector: the key files are read when the protector is first used.
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurposes);
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]).ToList() : [];

    /// <summary>A host in Production with the certificate setting replaced (null: kept) and a password of choice.</summary>
    private sealed class ProductionHost(string? certificateFile, string? password)
        : HostFixture(folder: null, environment: "Production", adminPassword: AdminPassword)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (certificateFile is not null)
            {
                builder.UseSetting("DataProtection:CertificateFile", certificateFile);
            }

            if (password is not null)
            {
                builder.UseSetting("DataProtection:CertificatePassword", password);
            }
        }
    }
}
