using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Deployment;

/// <summary>
/// The start-up checks of a host outside Development and Testing (<see cref="EnvironmentAllowances"/>): links over https,
/// mail through an SMTP server, no demo data. Each refusal names its setting, in Dutch and, for the IT department's
/// logs, in English.
/// </summary>
internal static class DeploymentChecks
{
    /// <summary>
    /// Adds the checks, validated at start, and the services of the server pipeline (<see cref="ServerPipeline"/>); outside Development and Testing the demo data is off unless the configuration
    /// sets it (and then the start is refused), so a real installation never shows fictional people by accident.
    /// </summary>
    public static void AddDeploymentChecks(this WebApplicationBuilder builder)
    {
        var allowances = EnvironmentAllowances.For(builder.Environment);
        builder.Services.AddSingleton(allowances);
        if (!allowances.DemoData)
        {
            // The lowest-ranking source: any setting of Governance:SeedDemo elsewhere wins (and is checked below).
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = [new($"{GovernanceOptions.Section}:{nameof(GovernanceOptions.SeedDemo)}", "false")],
            });
        }

        builder.Services.AddServerPipeline(allowances);
        builder.Services.AddSingleton<IValidateOptions<RequestLinkOptions>, LinksCheck>();
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailCheck>();
        builder.Services.AddSingleton<IValidateOptions<GovernanceOptions>, DemoDataCheck>();
        builder.Services.AddOptions<GovernanceOptions>().ValidateOnStart();
    }

    private sealed class LinksCheck(EnvironmentAllowances allowances) : IValidateOptions<RequestLinkOptions>
    {
        public ValidateOptionsResult Validate(string? name, RequestLinkOptions options) =>
            allowances.PlainHttpLinks || !Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme == Uri.UriSchemeHttps
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Links:PublicBaseUrl is '{options.PublicBaseUrl}': in {allowances.Name} moet dat een https-adres zijn, het adres waarop leden de links in hun mail openen. "
                    + $"(Links:PublicBaseUrl must be an https address in {allowances.Name}.)");
    }

    private sealed class MailCheck(EnvironmentAllowances allowances) : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options) =>
            allowances.MailToPickupFolder || !options.UsesPickupFolder
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Mail:Smtp:Host is niet ingesteld: in {allowances.Name} gaat mail naar een SMTP-server, niet naar de map Mail:PickupFolder, die niemand leest. "
                    + $"(Mail:Smtp:Host is not set: in {allowances.Name} mail goes to an SMTP server, not to the pickup folder.)");
    }

    private sealed class DemoDataCheck(EnvironmentAllowances allowances) : IValidateOptions<GovernanceOptions>
    {
        public ValidateOptionsResult Validate(string? name, GovernanceOptions options) =>
            allowances.DemoData || !options.SeedDemo
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Governance:SeedDemo staat aan: in {allowances.Name} komen er geen verzonnen bestuurders en vergaderingen in de database; zet het uit en laad het eigen bestuursmodel en de jaarkalender via de API. "
                    + $"(Governance:SeedDemo is on: demo data is refused in {allowances.Name}.)");
    }
}
