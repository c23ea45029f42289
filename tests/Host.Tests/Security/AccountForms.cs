using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>The accounts page's and the password page's forms, posted as a browser posts them.</summary>
internal static partial class AccountForms
{
    /// <summary>Posts a form (with the page's anti-forgery token) and reads the answer as text.</summary>
    public static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        using var response = await PostResponseAsync(client, path, fields, more);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> PostResponseAsync(HttpClient client, string path, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var page = await client.GetStringAsync(path.Split('?')[0]);
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", HostFixture.AntiforgeryToken(page))).Concat(more ?? []);
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Creates a secretary on the accounts page and returns the one-time password it shows.</summary>
    public static async Task<string> CreateSecretaryAsync(HttpClient admin, string email, string name)
    {
        var created = await PostAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = email, ["Input.DisplayName"] = name, ["Input.Roles"] = Roles.Secretary });
        var password = OneTimePassword(created);
        password.Should().NotBeEmpty();
        return password;
    }

    /// <summary>Signs in with the one-time password and chooses <paramref name="own"/>, as the first sign-in asks.</summary>
    public static async Task<HttpClient> SignInFirstTimeAsync(HostFixture host, string email, string temporary, string own)
    {
        var client = await host.SignInAsync(email, temporary);
        using var changed = await PostResponseAsync(client, "/Account/Wachtwoord",
            new() { ["Input.Current"] = temporary, ["Input.New"] = own, ["Input.Repeat"] = own });
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect, "the first password change sends the person on");
        return client;
    }

    /// <summary>The id of an account, from its row on the accounts page.</summary>
    public static async Task<string> UserIdAsync(HttpClient admin, string email)
    {
        var page = await admin.GetStringAsync("/Beheer/Accounts");
        var id = Regex.Match(page, Regex.Escape(email) + "<br>.*?id=([0-9a-f-]{36})&amp;handler=roles", RegexOptions.Singleline).Groups[1].Value;
        id.Should().NotBeEmpty();
        return id;
    }

    /// <summary>The password the accounts page shows once; empty when it shows none.</summary>
    public static string OneTimePassword(string page) => PasswordPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("Wachtwoord: <code>([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
