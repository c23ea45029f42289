using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace AdviesRoute.Host.Tests.Security.TwoFactor;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over the number of 30-second steps since 1970, 6 digits),
/// written here apart from the host so the tests check Identity against the standard, not against itself.
/// </summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; the test must compute what they compute.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (number % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as the set-up page shows it ("abcd efgh …"), as a person would type it: spaces out, any case.</summary>
    public static string KeyFromPage(string shown) => shown.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is no Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}

public sealed class TotpTests
{
    [Fact]
    public void The_test_helper_computes_the_codes_of_RFC_6238()
    {
        // RFC 6238 appendix B, SHA-1, key "12345678901234567890": 94287082 at 59 s, 07081804 at 1111111109 s (8 digits;
        // an app shows the last 6).
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)).Should().Be("287082");
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)).Should().Be("081804");
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(20000000000)).Should().Be("353130");
    }
}
