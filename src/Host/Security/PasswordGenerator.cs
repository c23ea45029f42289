using System.Security.Cryptography;

namespace AdviesRoute.Host.Security;

/// <summary>Random passwords that satisfy Identity's rules (upper, lower, digit, symbol).</summary>
internal static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#%+=";

    /// <summary>24 characters from a 66-character alphabet: about 145 bits.</summary>
    public static string Generate(int length = 24)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 4);
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Upper + Lower + Digits + Symbols, length);
            if (password.Any(Upper.Contains) && password.Any(Lower.Contains) && password.Any(Digits.Contains) && password.Any(Symbols.Contains))
            {
                return password;
            }
        }
    }
}
