using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Security.ApiKeys;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Expressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>
/// Two hosts on one database, and one resume (one Idempotency-Key) sent to both: the host that loses the race tells
/// its caller in the JSON that the resume was applied, and applies nothing itself.
/// </summary>
public sealed class TwoHostResumeApiTests
{
    /// <summary>After the approval a decision reads <c>variables.besluit</c>: the second host is held there.</summary>
    private static string ApprovalThenDecision(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Goedkeuring en beslissing",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring", "resultVariable": "besluit" } },
              { "id": "keuze", "type": "Decision", "inputs": { "condition": "variables.besluit === 'akkoord'" } },
              { "id": "termijn", "type": "Timer", "inputs": { "after": "P12W" } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "keuze", "port": "In" } },
              { "source": { "activity": "keuze", "port": "True" }, "target": { "activity": "termijn", "port": "In" } },
              { "source": { "activity": "keuze", "port": "False" }, "target": { "activity": "einde", "port": "In" } },
              { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_resume_the_other_host_committed_while_this_host_ran_it_answers_already_applied_true()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-twohosts-api-").FullName;
        var gate = new EvaluationGate("variables.besluit");
        await using var first = HostFixture.OnFolder(folder, HostFixture.AdminPassword);
        _ = first.Server;
        await using var secondFixture = HostFixture.OnFolder(folder, HostFixture.AdminPassword);
        var second = secondFixture.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IExpressionEvaluator>(sp => new GatedEvaluator(ActivatorUtilities.CreateInstance<JintExpressionEvaluator>(sp), gate))));
        var definitionId = Definitions.UniqueId("tweehosts");
        await first.SaveAsync(ApprovalThenDecision(definitionId));
        using var a = first.Secretary();
        using var b = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        b.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, HostFixture.SecretaryKey);
        var started = await (await a.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = started.GetProperty("instanceId").GetString()!;
        var bookmarkId = started.GetProperty("bookmarks")[0].GetProperty("id").GetString()!;

        // The second host loads the instance and runs the step up to the decision; then the first host commits.
        var onSecond = Definitions.ResumeApprovalAsync(b, instanceId, bookmarkId, "akkoord-beide");
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var onFirst = await Definitions.ResumeApprovalAsync(a, instanceId, bookmarkId, "akkoord-beide");
        gate.Open();
        var answer = await onSecond.WaitAsync(TimeSpan.FromSeconds(30));

        onFirst.GetProperty("alreadyApplied").GetBoolean().Should().BeFalse();
        answer.GetProperty("alreadyApplied").GetBoolean().Should().BeTrue();
        answer.GetProperty("status").GetString().Should().Be("Suspended");
        answer.GetProperty("bookmarks").EnumerateArray().Select(x => x.GetProperty("id").GetString())
            .Should().Equal(onFirst.GetProperty("bookmarks").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        var journal = await first.ReadAsync(reader => reader.GetJournalAsync(instanceId));
        journal.Where(j => j.RequestId == "akkoord-beide").Should().ContainSingle().Which.Kind.Should().Be("BookmarkResumed");
        (await first.ScalarAsync("""SELECT "Revision" FROM "WorkflowInstances" WHERE "Id" = @p0""", instanceId))
            .Should().Be(2, "started, then resumed once: the host that lost the race committed nothing");
    }

    /// <summary>A one-shot gate: the first evaluation of an expression containing a marker waits until the test opens it.</summary>
    private sealed class EvaluationGate(string marker)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _opened = new();

        public Task Reached => _reached.Task;

        public void Open() => _opened.Set();

        public void Pass(string expression)
        {
            if (expression.Contains(marker, StringComparison.Ordinal) && _reached.TrySetResult())
            {
                _opened.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("the test opens the gate");
            }
        }
    }

    private sealed class GatedEvaluator(IExpressionEvaluator inner, EvaluationGate gate) : IExpressionEvaluator
    {
        public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> globals)
        {
            gate.Pass(expression);
            return inner.Evaluate(expression, globals);
        }

        public string? CheckSyntax(string expression) => inner.CheckSyntax(expression);
    }
}
