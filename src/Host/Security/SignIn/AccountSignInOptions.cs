using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.SignIn;

/// <summary>
/// The <c>Security:SignIn</c> section: how long a session lasts and how failed password tries are throttled. Failed
/// tries slow down and refuse per client address, never per account alone, so nobody can lock another person out.
/// </summary>
public sealed class AccountSignInOptions
{
    public const string Section = "Security:SignIn";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after signing in, however busy it is, also with "Ingelogd blijven".</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The period over which failed tries are counted.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures for one account from one address after which that address may not try that account.</summary>
    public int MaxFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failures from one address, whatever the accounts, after which that address may not try at all.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>Failures for one account, from all addresses, after which every try for it is answered more slowly.</summary>
    public int SlowDownAfterAccountFailures { get; set; } = 10;

    /// <summary>The extra wait per failure above <see cref="SlowDownAfterAccountFailures"/>.</summary>
    public TimeSpan SlowDownStep { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest extra wait, so the real person still gets in quickly.</summary>
    public TimeSpan SlowDownMaximum { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long failed tries are kept, for the accounts page; older ones are deleted.</summary>
    public TimeSpan KeepFailuresFor { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Rejects sign-in settings that would make no sense, at start-up.</summary>
internal sealed class AccountSignInOptionsValidator : IValidateOptions<AccountSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountSignInOptions options)
    {
        var failures = new List<string>();
        Positive(options.IdleTimeout, nameof(options.IdleTimeout));
        Positive(options.AbsoluteLifetime, nameof(options.AbsoluteLifetime));
        Positive(options.FailureWindow, nameof(options.FailureWindow));
        if (options.MaxFailuresPerAccountAndAddress < 1)
        {
            failures.Add($"{AccountSignInOptions.Section}:MaxFailuresPerAccountAndAddress must be at least 1.");
        }

        if (options.MaxFailuresPerAddress < options.MaxFailuresPerAccountAndAddress)
        {
            failures.Add($"{AccountSignInOptions.Section}:MaxFailuresPerAddress must be at least MaxFailuresPerAccountAndAddress.");
        }

        if (options.SlowDownAfterAccountFailures < 1)
        {
            failures.Add($"{AccountSignInOptions.Section}:SlowDownAfterAccountFailures must be at least 1.");
        }

        if (options.SlowDownStep < TimeSpan.Zero || options.SlowDownMaximum < TimeSpan.Zero || options.SlowDownMaximum > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{AccountSignInOptions.Section}: SlowDownStep and SlowDownMaximum must not be negative, and SlowDownMaximum at most 30 seconds.");
        }

        if (options.KeepFailuresFor < options.FailureWindow)
        {
            failures.Add($"{AccountSignInOptions.Section}:KeepFailuresFor must be at least FailureWindow.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{AccountSignInOptions.Section}:{key} must be positive.");
            }
        }
    }
}
