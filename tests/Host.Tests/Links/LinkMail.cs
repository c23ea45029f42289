using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using MimeKit;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A request mail as a member receives it: the address, the subject, both bodies and the personal link.</summary>
public sealed partial record LinkMail(string To, string Subject, string Html, string Text, string Link, string MessageId)
{
    /// <summary>The path of the link, for the test client (e.g. /verzoek/abc…).</summary>
    public string Path => new Uri(Link).AbsolutePath;

    public string Token => Path["/verzoek/".Length..];

    public static LinkMail From(MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var link = LinkPattern().Match(text).Value;
        return new LinkMail(message.To.Mailboxes.Single().Address, message.Subject ?? "", message.HtmlBody ?? "", text, link, message.MessageId ?? "");
    }

    /// <summary>The mails in a pickup folder, waiting (real time, bounded) until there are at least <paramref name="count"/>.</summary>
    public static async Task<List<LinkMail>> InFolderAsync(string folder, int count, Func<LinkMail, bool>? where = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => From(MimeMessage.Load(f))).Where(m => where?.Invoke(m) ?? true).ToList()
                : [];
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                mails.Should().HaveCountGreaterThanOrEqualTo(count, "the outbox delivers every mail to the pickup folder");
                return mails;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Opens the link (GET) and posts a choice with the form's anti-forgery token and form id, as a browser does.</summary>
    public async Task<(HttpResponseMessage Response, string Page, Dictionary<string, string> Form)> ChooseAsync(HttpClient client, string choice, string? remark = null)
    {
        var page = await client.GetStringAsync(Path);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
            ["formulier"] = FormIdPattern().Match(page).Groups["id"].Value,
            ["keuze"] = choice,
        };
        if (remark is not null)
        {
            // The request's own text field: a remark with a vote, the text of a zienswijze or of a college's answer.
            form[TextFieldPattern().Match(page) is { Success: true } field ? field.Groups["name"].Value : "toelichting"] = remark;
        }

        var response = await client.PostAsync(Path, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            body = await client.GetStringAsync(response.Headers.Location!.ToString());
        }

        return (response, WebUtility.HtmlDecode(body), form);
    }

    [GeneratedRegex(@"https?://\S+/verzoek/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"formulier\" value=\"(?<id>[0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();

    [GeneratedRegex("<textarea id=\"veld-[^\"]+\" name=\"(?<name>[^\"]+)\"")]
    private static partial Regex TextFieldPattern();
}
