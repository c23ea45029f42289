using System.Security.Cryptography;
using AdviesRoute.Host.Security.ApiKeys;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The account created on first start, when the database has no user yet.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>Keys for machine callers of <c>/api</c>, sent in the <c>X-Api-Key</c> header.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

public sealed class AdminAccountOptions
{
    /// <summary>User name and e-mail address of the first administrator.</summary>
    public string Email { get; set; } = "beheer@example.org";

    /// <summary>
    /// The first administrator's password. When empty, a random one is generated and written to the log once;
    /// it is only used when no account exists yet.
    /// </summary>
    public string? Password { get; set; }
}

/// <summary>One API key. Give either <see cref="Key"/> or, to keep the secret out of configuration, <see cref="KeySha256"/>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who the caller is; recorded as the actor in the journal.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret itself; only its SHA-256 hash is kept in memory.</summary>
    public string? Key { get; set; }

    /// <summary>The SHA-256 hash of the key as 64 hexadecimal characters.</summary>
    public string? KeySha256 { get; set; }

    /// <summary>Role names from <see cref="Roles"/>.</summary>
    public List<string> Roles { get; set; } = [];
}

/// <summary>Rejects a configuration that would leave the installation open or ambiguous, at start-up.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Admin.Email) || !options.Admin.Email.Contains('@'))
        {
            failures.Add("Security:Admin:Email must be an e-mail address.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = $"Security:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{at}:Name is required.");
            }
            else if (!names.Add(key.Name))
            {
                failures.Add($"{at}:Name '{key.Name}' is used twice.");
            }

            var hasKey = !string.IsNullOrEmpty(key.Key);
            var hasHash = !string.IsNullOrEmpty(key.KeySha256);
            if (hasKey == hasHash)
            {
                failures.Add($"{at}: give exactly one of Key and KeySha256.");
            }
            else if (hasKey && key.Key!.Length < MinimumKeyLength)
            {
                failures.Add($"{at}:Key must be at least {MinimumKeyLength} characters.");
            }
            else if (hasHash && !IsSha256Hex(key.KeySha256!))
            {
                failures.Add($"{at}:KeySha256 must be 64 hexadecimal characters.");
            }
            else if (!hashes.Add(Convert.ToHexString(ApiKeyStore.HashOf(key))))
            {
                failures.Add($"{at}: the same key is configured twice.");
            }

            if (key.Roles.Count == 0)
            {
                failures.Add($"{at}:Roles needs at least one role ({string.Join(", ", Roles.All)}).");
            }

            failures.AddRange(key.Roles.Where(r => !Roles.IsKnown(r)).Select(r => $"{at}:Roles has unknown role '{r}'."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSha256Hex(string text) =>
        text.Length == SHA256.HashSizeInBytes * 2 && text.All(Uri.IsHexDigit);
}
