using System.Net;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.Oidc;

/// <summary>
/// The <c>Security:Oidc</c> configuration section: sign-in through the organisation's OpenID Connect provider.
/// Off while <see cref="Authority"/> is empty (the default); then login is by password only, as before.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Security:Oidc";

    /// <summary>The path on this host the provider sends people back to; register <c>{base address}/signin-oidc</c> there.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The provider's issuer address, e.g. <c>https://login.samendrenthe.example/realms/medewerkers</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id this host is registered under at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for a confidential client; leave empty for a public client (PKCE is always used).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Scopes asked for besides <c>openid</c> and <c>email</c>, which are always asked for (the e-mail address is
    /// what an account is found by).
    /// </summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The text of the login button.</summary>
    public string DisplayName { get; set; } = "Inloggen met uw organisatie-account";

    /// <summary>The claim of the ID token that holds the e-mail address the local account is found by.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// Accept the e-mail address only when the provider says it is verified (<c>email_verified: true</c>). Switch
    /// off only for a provider that never sends <c>email_verified</c> and only hands out addresses it owns.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Whether the password form stays available beside the provider; false leaves the provider as the only way in.</summary>
    public bool LocalLogin { get; set; } = true;

    /// <summary>Whether sign-in through the provider is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether people may sign in with a password on the login page.</summary>
    public bool PasswordLoginAllowed => !Enabled || LocalLogin;
}

/// <summary>
/// Rejects an OIDC configuration at start-up that would send people's codes and tokens over plain HTTP, could
/// never work, or would lock everyone out.
/// </summary>
internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        const string at = OidcOptions.Section;
        var failures = new List<string>();
        if (!options.Enabled)
        {
            if (!options.LocalLogin)
            {
                failures.Add($"{at}:LocalLogin is false but {at}:Authority is empty: nobody could sign in. Set the Authority, or leave LocalLogin true.");
            }

            return Result(failures);
        }

        if (!Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            failures.Add($"{at}:Authority must be an absolute https URL (now: '{options.Authority}').");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && !IsLoopback(authority))
        {
            failures.Add($"{at}:Authority must use https (now: '{options.Authority}'); plain http is only accepted for a provider on this machine (localhost, 127.0.0.1, ::1).");
        }
        else if (!string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{at}:Authority must not have a query or fragment (now: '{options.Authority}').");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{at}:ClientId is required when {at}:Authority is set.");
        }

        if (string.IsNullOrWhiteSpace(options.DisplayName))
        {
            failures.Add($"{at}:DisplayName must not be empty: it is the text of the login button.");
        }

        if (string.IsNullOrWhiteSpace(options.EmailClaim))
        {
            failures.Add($"{at}:EmailClaim must not be empty: accounts are found by the e-mail address in that claim.");
        }

        for (var i = 0; i < options.Scopes.Count; i++)
        {
            var scope = options.Scopes[i];
            if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace))
            {
                failures.Add($"{at}:Scopes:{i} must be one scope without spaces (now: '{scope}').");
            }
        }

        return Result(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
