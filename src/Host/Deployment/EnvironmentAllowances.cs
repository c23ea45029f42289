using AdviesRoute.Host.Testing;

namespace AdviesRoute.Host.Deployment;

/// <summary>
/// What the Development and Testing environments allow and a host that people reach over the internet must not: this
/// is the one place that lists them. Every other environment (Production, Staging, …) gets none of them, and the host
/// refuses to start on a setting that relies on one, naming the setting.
/// </summary>
/// <param name="Name">The environment, as messages name it.</param>
/// <param name="PlainHttpLinks">Links in mail may point to an http address (<c>Links:PublicBaseUrl</c>).</param>
/// <param name="MailToPickupFolder">Without <c>Mail:Smtp:Host</c>, mail is written to a folder instead of sent.</param>
/// <param name="DemoData">The fictional SamenDrenthe model and jaarkalender are stored on first start (<c>Governance:SeedDemo</c>, on by default here).</param>
/// <param name="GeneratedKeyRingCertificate">Without <c>DataProtection:CertificateFile</c>, the host makes its own certificate.</param>
public sealed record EnvironmentAllowances(string Name, bool PlainHttpLinks, bool MailToPickupFolder, bool DemoData, bool GeneratedKeyRingCertificate)
{
    /// <summary>Whether this environment has the allowances of Development and Testing.</summary>
    public bool IsLenient => PlainHttpLinks;

    public static EnvironmentAllowances For(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingClock.EnvironmentName)
            ? new(environment.EnvironmentName, PlainHttpLinks: true, MailToPickupFolder: true, DemoData: true, GeneratedKeyRingCertificate: true)
            : new(environment.EnvironmentName, PlainHttpLinks: false, MailToPickupFolder: false, DemoData: false, GeneratedKeyRingCertificate: false);
}
