using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.ApiKeys;

/// <summary>A configured API key as kept in memory: its hash, never the key.</summary>
public sealed record ApiKeyCredential(string Name, byte[] Sha256, IReadOnlyList<string> Roles);

/// <summary>Finds the credential for a presented key by comparing SHA-256 hashes in constant time.</summary>
public sealed class ApiKeyStore
{
    private readonly IReadOnlyList<ApiKeyCredential> _credentials;

    public ApiKeyStore(IOptions<SecurityOptions> options)
    {
        _credentials = options.Value.ApiKeys
            .Select(k => new ApiKeyCredential(k.Name, HashOf(k), k.Roles.ToArray()))
            .ToList();
    }

    public ApiKeyCredential? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        ApiKeyCredential? match = null;

        // Every credential is compared, and each comparison takes the same time, so the response time tells
        // nothing about how close a guess was or which key it nearly matched.
        foreach (var credential in _credentials)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, credential.Sha256))
            {
                match = credential;
            }
        }

        return match;
    }

    internal static byte[] HashOf(ApiKeyOptions key) =>
        !string.IsNullOrEmpty(key.Key)
            ? SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))
            : Convert.FromHexString(key.KeySha256 ?? "");
}
