using System.Xml;
using System.Xml.Linq;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.KeyRing;

/// <summary>
/// After the upgrade to an encrypted key ring, the keys an earlier version stored unencrypted are still in the
/// database, and in every backup made before. Were they still accepted, whoever holds such a backup could make an
/// administrator's session cookie. So at start every unencrypted key is revoked (data protection then refuses whatever
/// it protected), after a new key, encrypted with the certificate, has taken over when the key in use was one of them.
/// Nothing of value is lost: the sessions of the earlier version carry no sign-in moment and are refused anyway
/// (<see cref="SignIn.SessionLifetime"/>), a form open during the upgrade is sent again, and a member enters a new code.
/// </summary>
internal static class UnencryptedKeys
{
    public const string RevocationReason = "Onversleuteld opgeslagen door een eerdere versie van AdviesRoute.";

    /// <returns>How many unencrypted keys were revoked.</returns>
    public static async Task<int> RevokeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<HostDbContext>();
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);
        var elements = stored.Select(Parse).OfType<XElement>().ToList();
        var revoked = elements.Where(e => e.Name.LocalName == "revocation")
            .Select(e => e.Element("key")?.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = elements.Select(Describe).OfType<StoredKey>().ToList();
        var plain = keys.Where(k => !k.Encrypted && !revoked.Contains(k.Id.ToString())).ToList();
        if (plain.Count == 0)
        {
            return 0;
        }

        // Data protection follows the wall clock, also in Testing where the engine's clock may run ahead.
        var now = TimeProvider.System.GetUtcNow();
        var manager = services.GetRequiredService<IKeyManager>();
        if (!keys.Any(k => k.Encrypted && k.Activation <= now && now < k.Expiration && !revoked.Contains(k.Id.ToString())))
        {
            var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
            manager.CreateNewKey(now, now + lifetime);
        }

        foreach (var key in plain)
        {
            manager.RevokeKey(key.Id, RevocationReason);
        }

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnencryptedKeys)).LogWarning(
            "{Count} session key(s) stored unencrypted by an earlier version were revoked; a key encrypted with the certificate is used from now on. Everyone signs in again once.",
            plain.Count);
        return plain.Count;
    }

    private sealed record StoredKey(Guid Id, DateTimeOffset Activation, DateTimeOffset Expiration, bool Encrypted);

    private static XElement? Parse(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static StoredKey? Describe(XElement key)
    {
        if (key.Name.LocalName != "key"
            || !Guid.TryParse(key.Attribute("id")?.Value, out var id)
            || !DateTimeOffset.TryParse(key.Element("activationDate")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var activation)
            || !DateTimeOffset.TryParse(key.Element("expirationDate")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expiration))
        {
            return null; // a revocation, or something this check does not know: data protection decides
        }

        return new StoredKey(id, activation, expiration, !key.Descendants().Any(e => e.Name.LocalName == "masterKey"));
    }
}
