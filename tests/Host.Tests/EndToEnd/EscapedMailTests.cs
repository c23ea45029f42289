using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>A proposal title with markup in it, through a real SMTP server: it arrives escaped in the HTML.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class EscapedMailTests(MaildevHostFixture host) : IClassFixture<MaildevHostFixture>
{
    [Fact]
    public async Task A_title_with_a_script_tag_arrives_escaped_in_the_html_of_the_mail()
    {
        await host.Maildev.StartAsync();
        var definitionId = Support.Definitions.UniqueId("escape");
        await host.SaveAsync(MailLinkEndToEndTests.WrittenDecisionWithReminders(definitionId));
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId,
            new JsonObject { ["titel"] = "Nota <script>alert('x')</script> & \"meer\"", ["samenvatting"] = "<b>vet</b>" }, new Trigger("secretaris", Channel.Api)));

        var mails = await host.Maildev.WaitForAsync(m => m.Count >= 5, TimeSpan.FromSeconds(30));
        mails.Should().HaveCountGreaterThanOrEqualTo(5);
        using var source = new MemoryStream(await host.Maildev.SourceAsync(mails[0].Id));
        var message = await MimeMessage.LoadAsync(source);

        message.HtmlBody.Should().Contain("Nota &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;")
            .And.Contain("&lt;b&gt;vet&lt;/b&gt;").And.NotContain("<script>").And.NotContain("<b>vet</b>");
        message.Subject.Should().Be("Verzoek om uw stem: Nota <script>alert('x')</script> & \"meer\"", "a subject is text, not HTML");
    }
}
