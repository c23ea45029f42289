using System.Xml;
using System.Xml.Linq;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.KeyRing;

/// <summary>
/// After the upgrade to an encrypted key ring, the key an earlier version stored unencrypted would go on protecting
/// every new session cookie until it expires (up to 90 days). At start, when that key is the one in use, a new key is
/// made (encrypted with the certificate) and used from then on; the old key stays, so the cookies it made remain valid.
/// </summary>
internal static class UnencryptedKeys
{
    public static async Task StopUsingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<HostDbContext>();
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);

        // Data protection follows the wall clock, also in Testing where the engine's clock may run ahead.
        var now = TimeProvider.System.GetUtcNow();
        var inUse = stored.Select(Describe).OfType<StoredKey>()
            .Where(k => k.Activation <= now && now < k.Expiration)
            .OrderByDescending(k => k.Activation)
            .FirstOrDefault();
        if (inUse is not { Encrypted: false })
        {
            return;
        }

        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        services.GetRequiredService<IKeyManager>().CreateNewKey(now, now + lifetime);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnencryptedKeys))
            .LogWarning("De sleutel van de sessies stond onversleuteld in de database; er is een nieuwe, versleutelde sleutel gemaakt. Verwijder de oude sleutels om ook oude back-ups onbruikbaar te maken (zie README).");
    }

    private sealed record StoredKey(DateTimeOffset Activation, DateTimeOffset Expiration, bool Encrypted);

    private static StoredKey? Describe(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return null;
        }

        try
        {
            var key = XElement.Parse(xml);
            if (key.Name.LocalName != "key"
                || !DateTimeOffset.TryParse(key.Element("activationDate")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var activation)
                || !DateTimeOffset.TryParse(key.Element("expirationDate")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expiration))
            {
                return null; // a revocation, or something this check does not know: data protection decides
            }

            return new StoredKey(activation, expiration, !key.Descendants().Any(e => e.Name.LocalName == "masterKey"));
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
