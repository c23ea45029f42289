using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using MimeKit;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The real Host as a process, with SMTP to a maildev that is not running yet: the request mails of a written round
/// wait in the outbox; the host is killed (SIGKILL), maildev comes up, and the restarted host delivers every mail once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MailCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private const string DefinitionId = "mail-herstel";
    private const string Title = "Huisvesting regionale brandweer";

    [Fact]
    public async Task Mail_pending_when_the_host_is_killed_is_delivered_after_the_restart()
    {
        var elapsed = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("adviesroute-mailcrash-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", DefinitionId + ".json"), MailLinkEndToEndTests.WrittenDecisionWithReminders(DefinitionId));
        var database = $"Data Source={Path.Combine(folder, "adviesroute.db")};Mode=ReadOnly;Pooling=False";

        // maildev's ports are chosen, but it does not run yet: the SMTP port refuses connections.
        var maildev = new MaildevServer();
        try
        {
            await RunAsync(folder, database, maildev, elapsed);
        }
        finally
        {
            await maildev.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans its temp folder
            }
        }
    }

    private async Task RunAsync(string folder, string database, MaildevServer maildev, Stopwatch elapsed)
    {
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = MaildevServer.Host,
            ["Mail__Smtp__Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
        };

        string instanceId;
        var first = await HostProcess.StartAsync(folder, settings: settings);
        try
        {
            using var client = first.CreateClient();
            using var response = await client.PostAsJsonAsync($"/api/definitions/{DefinitionId}/instances", new { input = new { titel = Title } });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            instanceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();

            // The five request mails are in the outbox, unsent, and the first delivery attempt has failed.
            (await Eventually(() => Scalar(database, "SELECT COUNT(*) FROM Outbox WHERE InstanceId = $a AND SentAt IS NULL", instanceId) == 5
                                    && Scalar(database, "SELECT COUNT(*) FROM Outbox WHERE InstanceId = $a AND LastError IS NOT NULL", instanceId) > 0))
                .Should().BeTrue($"the request mails wait in the outbox while no SMTP server answers; host output:\n{first.Output}");
            Scalar(database, "SELECT COUNT(*) FROM Outbox WHERE InstanceId = $a", instanceId).Should().Be(5);
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: five mails pending, killing the host");
        }
        finally
        {
            first.Kill();
            await first.DisposeAsync();
        }

        await maildev.StartAsync();
        (await maildev.ListAsync()).Should().BeEmpty();

        var second = await HostProcess.StartAsync(folder, settings: settings);
        try
        {
            await AfterRestartAsync(second, database, maildev, instanceId, elapsed);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private async Task AfterRestartAsync(HostProcess second, string database, MaildevServer maildev, string instanceId, Stopwatch elapsed)
    {
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: maildev up, host restarted");
        var mails = await maildev.WaitForAsync(m => m.Count >= 5, Within);
        mails.Should().HaveCount(5, $"every pending request mail is delivered after the restart; host output:\n{second.Output}");
        (await Eventually(() => Scalar(database, "SELECT COUNT(*) FROM Outbox WHERE InstanceId = $a AND SentAt IS NULL", instanceId) == 0))
            .Should().BeTrue("the restarted host marks every delivered mail as sent");

        // Each Message-Id once, and exactly the outbox's Message-Ids.
        mails = await maildev.ListAsync();
        mails.Should().HaveCount(5, "no mail is delivered twice");
        mails.Select(m => m.MessageId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Texts(database, "SELECT MessageId FROM Outbox WHERE InstanceId = $a", instanceId));
        var parsed = new List<LinkMail>();
        foreach (var mail in mails)
        {
            using var source = new MemoryStream(await maildev.SourceAsync(mail.Id));
            parsed.Add(LinkMail.From(await MimeMessage.LoadAsync(source)));
        }

        parsed.Should().OnlyContain(m => m.Subject == "Verzoek om uw stem: " + Title);
        parsed.Select(m => m.To).Should().BeEquivalentTo(
            ["roos.zijlstra@assen.example.org", "sander.kamps@emmen.example.org", "tineke.uneken@hoogeveen.example.org", "vincent.meijer@meppel.example.org", "wilma.veenstra@tynaarlo.example.org"]);
        parsed.Select(m => m.Link).Should().OnlyHaveUniqueItems().And.OnlyContain(l => l.Length > 0);

        // The links made before the kill work after it: the first one opens its page on the restarted host.
        using var anonymous = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(parsed[0].Path));
        page.Should().Contain(Title).And.Contain("value=\"voor\"");
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: done");
    }

    private static long Scalar(string database, string sql, string instanceId)
    {
        using var db = new SqliteConnection(database);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", instanceId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Texts(string database, string sql, string instanceId)
    {
        using var db = new SqliteConnection(database);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", instanceId);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static Task<bool> Eventually(Func<bool> condition) => CrashRecoveryTests.Eventually(condition, Within);
}
