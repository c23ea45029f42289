using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.Accounts;

/// <summary>
/// Identity's sign-in rules plus one of ours: a switched-off account (<see cref="HostUser.DeactivatedAt"/>) may not sign
/// in, by password or through the provider, and its sessions fail the security-stamp check that runs on every request.
/// </summary>
internal sealed class AccountSignInManager(
    UserManager<HostUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<HostUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<HostUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<HostUser> confirmation)
    : SignInManager<HostUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(HostUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(HostUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
