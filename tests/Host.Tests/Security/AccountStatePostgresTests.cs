using System.Net;
using AdviesRoute.Host.Tests.Postgres;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>The account's state (switched off, last sign-in, temporary password) stored and read on PostgreSQL.</summary>
public sealed class AccountStatePostgresTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task On_PostgreSQL_a_new_account_changes_its_password_signs_in_is_switched_off_and_refused()
    {
        using var admin = await host.SignInAsync();
        const string email = "p.meijer@samendrenthe.example.org";
        var temporary = await AccountForms.CreateSecretaryAsync(admin, email, "Pim Meijer");
        using var session = await AccountForms.SignInFirstTimeAsync(host, email, temporary, "Eigen-Wachtwoord-2026!");
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        var off = await AccountForms.PostAsync(admin, $"/Beheer/Accounts?id={await AccountForms.UserIdAsync(admin, email)}&handler=deactivate", []);

        off.Should().Contain("Het account van Pim Meijer is uitgeschakeld.").And.Contain("Uitgeschakeld op ");
        System.Text.RegularExpressions.Regex.Matches(off, "Nog nooit ingelogd").Should().BeEmpty("both accounts signed in, and the moments were stored and read back");
        using var refused = await session.GetAsync("/Voorstellen");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }
}
