using System.Net;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Postgres;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security.TwoFactor;

/// <summary>The role requirement, the authenticator key, the spent code and the hashed recovery codes stored and read on PostgreSQL.</summary>
public sealed class TwoFactorPostgresTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task On_PostgreSQL_a_required_role_is_held_until_set_up_and_then_signs_in_with_a_code_and_a_recovery_code()
    {
        const string email = "w.kok@samendrenthe.example.org";
        const string password = "Sterk-Wachtwoord-2026!";
        await host.AddAccountAsync(email, "Wim Kok", Roles.Secretary, password);
        using var admin = await host.SignInAsync();
        (await AccountForms.PostAsync(admin, "/Beheer/Tweestapsverificatie", new(), [new("roles", Roles.Secretary)]))
            .Should().Contain("Tweestapsverificatie is verplicht voor: Secretaris.").And.Contain("Verplicht sinds");

        using var session = await host.SignInAsync(email, password);
        (await session.GetAsync("/Voorstellen")).Headers.Location!.ToString().Should().StartWith("/Account/Tweestapsverificatie/Instellen");
        var (key, codes) = await TwoFactorTests.SetUpAsync(session);
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var client = host.Anonymous();
        await HostFixture.PostLoginFormAsync(client, email, password);
        using var signedIn = await TwoFactorTests.PostCodeAsync(client, "/Account/Inlogcode", Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var other = host.Anonymous();
        await HostFixture.PostLoginFormAsync(other, email, password);
        (await TwoFactorTests.PostCodeAsync(other, "/Account/Herstelcode", codes[0])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await other.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
