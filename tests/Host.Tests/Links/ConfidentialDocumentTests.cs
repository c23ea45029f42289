using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A document marked vertrouwelijk is not in the page until the one-time code from the member's own mail is entered.</summary>
public sealed partial class ConfidentialDocumentTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Secret = "https://stukken.example.org/geheim/notitie-personeel.pdf";
    private const string Public = "https://stukken.example.org/openbaar/raadsvoorstel.pdf";

    [Fact]
    public async Task A_confidential_document_opens_only_after_the_one_time_code_sent_to_the_members_own_address()
    {
        var definitionId = Definitions.UniqueId("vertrouwelijk");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new JsonObject
        {
            ["titel"] = "Reorganisatie team jeugd",
            ["documenten"] = new JsonArray(
                new JsonObject { ["naam"] = "Raadsvoorstel", ["url"] = Public },
                new JsonObject { ["naam"] = "Notitie personele gevolgen", ["url"] = Secret, ["vertrouwelijk"] = true }),
        }, new Trigger("secretaris", Channel.Api)));
        var mail = (await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith("Reorganisatie team jeugd", StringComparison.Ordinal)))
            .Single(m => m.To == "roos.zijlstra@assen.example.org");

        // Neither the mail nor the page carries the confidential address.
        mail.Html.Should().Contain(Public).And.NotContain(Secret);
        mail.Text.Should().Contain("Notitie personele gevolgen (vertrouwelijk: in te zien via uw persoonlijke link)").And.NotContain(Secret);
        using var browser = host.Anonymous();
        var page = await browser.GetStringAsync(mail.Path);
        page.Should().Contain(Public).And.NotContain(Secret);

        // Asking for a code sends it to Roos's own address, not to whoever has the link.
        var (codeResponse, codePage) = await PostAsync(browser, mail.Path + "?handler=code", page, []);
        codeResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        codePage.Should().Contain("Er is een code van 6 cijfers gestuurd naar r***@assen.example.org.");
        var codeMail = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.Subject == "Uw code voor de vertrouwelijke stukken")).Single();
        codeMail.To.Should().Be("roos.zijlstra@assen.example.org");
        var code = CodePattern().Match(codeMail.Text).Groups[1].Value;
        code.Should().HaveLength(6);

        // A wrong code opens nothing; the right one opens the document in this browser, and only once.
        var wrong = code == "000000" ? "111111" : "000000";
        var (_, wrongPage) = await PostAsync(browser, mail.Path + "?handler=ontgrendel", codePage, new() { ["code"] = wrong });
        wrongPage.Should().Contain("De code klopt niet of is verlopen.").And.NotContain(Secret);
        var (_, openPage) = await PostAsync(browser, mail.Path + "?handler=ontgrendel", wrongPage, new() { ["code"] = code });
        openPage.Should().Contain("De vertrouwelijke stukken staan nu open.").And.Contain(Secret);
        (await browser.GetStringAsync(mail.Path)).Should().Contain(Secret, "the browser that entered the code keeps them open");

        // Someone the mail was forwarded to, in another browser, does not see it, and the used code does not work again.
        using var other = host.Anonymous();
        var forwarded = await other.GetStringAsync(mail.Path);
        forwarded.Should().NotContain(Secret);
        var (_, reused) = await PostAsync(other, mail.Path + "?handler=ontgrendel", forwarded, new() { ["code"] = code });
        reused.Should().NotContain(Secret);
    }

    private static async Task<(HttpResponseMessage Response, string Page)> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();
}
