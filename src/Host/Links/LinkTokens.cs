using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Host.Security;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Makes the token of a personal link: an HMAC-SHA256 (256 bits) over the instance, the step, the round, the person
/// and, after a revocation, the generation, with a key kept outside the database. The same person, step, round and
/// generation always get the same token, so a mail delivered twice carries the same link; only its SHA-256 hash is
/// stored. Generation 0 is the input links had before generations existed, so links already mailed keep working.
/// </summary>
public sealed class LinkTokens
{
    private readonly byte[] _key;

    public LinkTokens(IOptions<RequestLinkOptions> options, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.KeyFile));
        _key = LoadOrCreate(path);
    }

    public string For(string instanceId, string activityId, int round, string memberId, int generation = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        var input = $"{instanceId}\n{activityId}\n{round}\n{memberId}";
        var data = Encoding.UTF8.GetBytes(generation == 0 ? input : $"{input}\n{generation}");
        return Base64Url(HMACSHA256.HashData(_key, data));
    }

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a text can be a token at all (43 base64url characters); anything else is not looked up.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= 32)
            {
                return existing;
            }

            throw new InvalidOperationException($"De sleutel voor de links in {path} is te kort; verwijder het bestand om een nieuwe te maken (bestaande links vervallen dan).");
        }

        // Readable by the service's user only (folder 700, file 600), from the moment it exists.
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        PrivateFiles.WriteNew(temp, Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        try
        {
            // Two hosts starting at once: the first file wins and both use it.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
