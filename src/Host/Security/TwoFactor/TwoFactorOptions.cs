using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>Settings of the second factor (<c>Security:TwoFactor</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security:TwoFactor";

    /// <summary>The name the authenticator app shows above the codes.</summary>
    public string Issuer { get; set; } = "AdviesRoute SamenDrenthe";

    /// <summary>Wrong codes (from the app or recovery codes) after which the account is locked for <see cref="LockoutTime"/>.</summary>
    public int MaxFailedCodes { get; set; } = 5;

    /// <summary>How long an account stays locked after <see cref="MaxFailedCodes"/> wrong codes.</summary>
    public TimeSpan LockoutTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many recovery codes are made at a time.</summary>
    public const int RecoveryCodes = 10;
}

/// <summary>Rejects second-factor settings that would make no sense, at start-up.</summary>
internal sealed class TwoFactorOptionsValidator : IValidateOptions<TwoFactorOptions>
{
    public ValidateOptionsResult Validate(string? name, TwoFactorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || options.Issuer.Contains(':', StringComparison.Ordinal) || options.Issuer.Length > 60)
        {
            failures.Add($"{TwoFactorOptions.Section}:Issuer must be a name of at most 60 characters without ':'.");
        }

        if (options.MaxFailedCodes is < 3 or > 20)
        {
            failures.Add($"{TwoFactorOptions.Section}:MaxFailedCodes must be between 3 and 20.");
        }

        if (options.LockoutTime < TimeSpan.FromMinutes(1) || options.LockoutTime > TimeSpan.FromDays(1))
        {
            failures.Add($"{TwoFactorOptions.Section}:LockoutTime must be between one minute and one day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
