using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// Failed sign-in tries: one answer for every failure, refusal per client address, never a lockout of the account
/// itself, so an outsider cannot keep anyone (the administrator included) out.
/// </summary>
public sealed partial class SignInThrottleTests(SignInFixture host) : IClassFixture<SignInFixture>
{
    private const string Password = "Goed-Wachtwoord-789!";

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_refused_try_get_the_same_answer()
    {
        var userName = await CreateSecretaryAsync("zelfde.antwoord@example.org");
        using var client = host.From("192.0.2.10");

        var unknown = await AnswerAsync(client, "bestaat.niet@example.org", Password);
        var wrong = await AnswerAsync(client, userName, "fout-wachtwoord");
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(client, userName, "fout-wachtwoord-" + i);
        }

        var refused = await AnswerAsync(client, userName, Password);

        unknown.Status.Should().Be(HttpStatusCode.OK);
        unknown.Message.Should().Contain("Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord.")
            .And.NotContain("geblokkeerd").And.NotContain("kennen we niet");
        wrong.Should().Be(unknown);
        refused.Should().Be(unknown, "a refused try, even with the right password, looks like any other failure");
        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_outsider_who_fails_thirty_times_for_the_admin_cannot_stop_the_admin_from_another_address()
    {
        using var outsider = host.From("198.51.100.7");
        for (var i = 0; i < 30; i++)
        {
            using var _ = await HostFixture.PostLoginFormAsync(outsider, HostFixture.AdminEmail, "raden-" + i);
        }

        using var fromOutsider = await HostFixture.PostLoginFormAsync(outsider, HostFixture.AdminEmail, HostFixture.AdminPassword);
        fromOutsider.StatusCode.Should().Be(HttpStatusCode.OK, "that address is refused for this account after five failures");

        using var admin = await host.SignInFromAsync("192.0.2.20");
        (await admin.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_is_refused_after_five_failures_for_one_account_but_may_try_another()
    {
        var first = await CreateSecretaryAsync("paar.een@example.org");
        var second = await CreateSecretaryAsync("paar.twee@example.org");
        using var client = host.From("192.0.2.30");
        for (var i = 0; i < 4; i++)
        {
            (await AnswerAsync(client, first, "fout-" + i)).Status.Should().Be(HttpStatusCode.OK);
        }

        using (var browser = host.From("192.0.2.30"))
        using (var fifthTryIsRight = await HostFixture.PostLoginFormAsync(browser, first, Password))
        {
            fifthTryIsRight.StatusCode.Should().Be(HttpStatusCode.Redirect, "four failures still leave a try, and success clears them");
        }

        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(client, first, "fout-" + i);
        }

        using var refused = await HostFixture.PostLoginFormAsync(client, first, Password);
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "five failures for this account stop this address trying it");
        using var other = await host.SignInFromAsync("192.0.2.30", second, Password);
        using var elsewhere = await host.SignInFromAsync("192.0.2.31", first, Password);
    }

    [Fact]
    public async Task An_address_is_refused_after_twenty_failures_whatever_the_names()
    {
        var userName = await CreateSecretaryAsync("spray.doel@example.org");
        using var sprayer = host.From("203.0.113.40");
        for (var name = 0; name < 5; name++)
        {
            for (var i = 0; i < 4; i++)
            {
                await AnswerAsync(sprayer, $"naam{name}@example.org", "fout-" + i);
            }
        }

        using var refused = await HostFixture.PostLoginFormAsync(sprayer, userName, Password);
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "twenty failures from one address stop every try from it");
        using var admin = await HostFixture.PostLoginFormAsync(sprayer, HostFixture.AdminEmail, HostFixture.AdminPassword);
        admin.StatusCode.Should().Be(HttpStatusCode.OK, "the administrator too is refused from that address");
        using var fromElsewhere = await host.SignInFromAsync("203.0.113.41", userName, Password);
    }

    [Fact]
    public async Task Many_failures_for_one_account_from_many_addresses_slow_it_down_but_never_refuse()
    {
        var userName = await CreateSecretaryAsync("veel.pogingen@example.org");
        var account = SignInThrottle.AccountKey(userName);
        var verdict = await host.WithScopeAsync(async services =>
        {
            var throttle = services.GetRequiredService<SignInThrottle>();
            for (var i = 0; i < 15; i++)
            {
                await throttle.RecordFailureAsync(account, $"10.9.0.{i}");
            }

            return await throttle.CheckAsync(account, "10.9.1.1");
        });

        verdict.Refused.Should().BeFalse();
        verdict.Delay.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(50));
        using var signedIn = await host.SignInFromAsync("10.9.1.1", userName, Password);
    }

    [Fact]
    public void Ipv6_addresses_count_per_block_so_changing_the_last_part_does_not_escape()
    {
        SignInThrottle.AddressKey(IPAddress.Parse("2001:db8:1:2::17")).Should().Be(SignInThrottle.AddressKey(IPAddress.Parse("2001:db8:1:2:aaaa::1")));
        SignInThrottle.AddressKey(IPAddress.Parse("::ffff:192.0.2.1")).Should().Be("192.0.2.1");
        SignInThrottle.AddressKey(null).Should().Be(SignInThrottle.UnknownAddress);
    }

    private async Task<(HttpStatusCode Status, string Message)> AnswerAsync(HttpClient client, string userName, string password)
    {
        using var response = await HostFixture.PostLoginFormAsync(client, userName, password);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, ErrorSummary().Match(html).Value);
    }

    private async Task<string> CreateSecretaryAsync(string email) =>
        await host.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.Secretary)).Succeeded.Should().BeTrue();
            return email;
        });

    [GeneratedRegex("<div class=\"utrecht-alert utrecht-alert--error\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}
