using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.TwoFactor;

internal static class TwoFactorServiceCollectionExtensions
{
    /// <summary>
    /// The second factor on top of Identity: authenticator codes accepted once, recovery codes stored hashed, wrong
    /// codes counting toward a lockout of the account, and the roles an administrator requires it for. Call after
    /// <c>AddIdentityCore</c>, whose store and authenticator provider it replaces.
    /// </summary>
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwoFactorOptions>, TwoFactorOptionsValidator>();
        services.AddScoped<RoleRequirements>();
        services.AddScoped<SecondStep>();

        services.Replace(ServiceDescriptor.Scoped<IUserStore<HostUser>, HashedRecoveryCodesUserStore>());
        services.AddTransient<OneUseAuthenticatorTokenProvider>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<TwoFactorOptions>>((identity, twoFactor) =>
        {
            identity.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(OneUseAuthenticatorTokenProvider));
            identity.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;

            // Only wrong codes reach Identity's count: passwords are tried with lockoutOnFailure false (SignInThrottle
            // limits those per address). Whoever types codes knows the password, so this lockout cannot be used by a
            // stranger to keep someone out.
            identity.Lockout.MaxFailedAccessAttempts = twoFactor.Value.MaxFailedCodes;
            identity.Lockout.DefaultLockoutTimeSpan = twoFactor.Value.LockoutTime;
        });
        return services;
    }
}
