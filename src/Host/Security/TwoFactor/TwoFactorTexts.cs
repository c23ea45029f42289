using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>The sentences and code handling the second factor's pages share.</summary>
public static partial class TwoFactorTexts
{
    public const string WrongCode = "Deze code klopt niet. Vul de code in die de app nu toont. Wisselt de code net? Wacht dan op de nieuwe.";

    public const string CodeFormat = "Vul de 6 cijfers in die de app toont.";

    public const string WrongRecoveryCode = "Deze herstelcode klopt niet, of is al eens gebruikt. Elke herstelcode werkt maar één keer.";

    public const string RecoveryCodeFormat = "Vul een herstelcode in zoals u die hebt bewaard, bijvoorbeeld 7KQ2M-X4BPD.";

    public const string Expired = "Het inloggen duurde te lang, of u hebt de pagina later opnieuw geopend. Log opnieuw in met uw wachtwoord.";

    /// <summary>After too many wrong codes; only someone who knew the password gets this far.</summary>
    public static string LockedOut(TimeSpan lockout) =>
        $"U hebt te vaak een verkeerde code ingevuld. Daarom kunt u de komende {Math.Max(1, (int)Math.Ceiling(lockout.TotalMinutes))} minuten niet inloggen. " +
        "Probeer het daarna opnieuw, of neem contact op met de beheerder.";

    /// <summary>Six digits, with any spaces or dashes the person typed (apps show "123 456") taken out; null when it is no such code.</summary>
    public static string? AuthenticatorCode(string? typed)
    {
        var code = Separators().Replace(typed ?? "", "");
        return SixDigits().IsMatch(code) ? code : null;
    }

    /// <summary>A recovery code as Identity made it ("XXXXX-XXXXX", capitals), however it was typed; null when it cannot be one.</summary>
    public static string? RecoveryCode(string? typed)
    {
        var code = Separators().Replace(typed ?? "", "").ToUpperInvariant();
        return code.Length == 10 && code.All(char.IsAsciiLetterOrDigit) ? $"{code[..5]}-{code[5..]}" : null;
    }

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
