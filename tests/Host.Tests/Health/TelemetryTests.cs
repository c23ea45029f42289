using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdviesRoute.Host.Tests.Health;

/// <summary>What an operator's monitoring receives, read with OpenTelemetry's in-memory exporter from the real host.</summary>
public sealed class TelemetryTests(TelemetryTests.ObservedHost host) : IClassFixture<TelemetryTests.ObservedHost>
{
    [Fact]
    public async Task Starting_and_resuming_a_proposal_are_traced_and_counted_with_their_commits()
    {
        using var client = host.Secretary();
        using var started = await client.PostAsJsonAsync("/api/definitions/voorstel/instances", new
        {
            input = new
            {
                titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel",
                beslispunten = new[] { new { nummer = 1, tekst = "Het algemeen bestuur stemt in met het preventieakkoord." } },
            },
        });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = summary.GetProperty("instanceId").GetString()!;
        var bookmarkId = summary.GetProperty("bookmarks").EnumerateArray().Single().GetProperty("id").GetString()!;
        using var resumed = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = new { uitkomst = "gereed" } });
        resumed.StatusCode.Should().Be(HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());

        host.Flush();

        var spans = host.Spans.Where(s => s.GetTagItem("workflow.instance_id") as string == instanceId).ToList();
        spans.Select(s => s.DisplayName).Should().Equal("workflow.start", "workflow.resume");
        spans.Select(s => s.GetTagItem("workflow.definition_id")).Should().Equal("voorstel", "voorstel");
        spans.Select(s => s.GetTagItem("workflow.status")).Should().Equal(new object[] { "Suspended", "Suspended" }, "both leave the proposal waiting for a person");
        spans.Select(s => s.GetTagItem("workflow.trigger.channel")).Should().Equal("Api", "Api");
        // Each operation runs inside the request that asked for it.
        spans.Should().OnlyContain(s => s.Parent != null && s.Parent.Kind == ActivityKind.Server);

        var metrics = host.Metrics.Select(m => m.Name).ToHashSet();
        metrics.Should().Contain(["workflow.bursts", "workflow.burst.duration", "workflow.commit.batch_size",
            "workflow.commit.duration", "http.server.request.duration"]);
        Sum(host.Metrics.Single(m => m.Name == "workflow.bursts"), "start").Should().BeGreaterThanOrEqualTo(1);
        Sum(host.Metrics.Single(m => m.Name == "workflow.bursts"), "resume").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_failed_resume_is_traced_as_an_error()
    {
        using var client = host.Secretary();
        using var refused = await client.PostAsJsonAsync("/api/instances/bestaat-niet/bookmarks/ook-niet/resume", new { input = new { uitkomst = "gereed" } });
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);

        host.Flush();

        host.Spans.Should().Contain(s => s.DisplayName == "workflow.resume" && (string?)s.GetTagItem("workflow.instance_id") == "bestaat-niet"
            && s.Status == ActivityStatusCode.Error);
    }

    private static long Sum(Metric metric, string operation)
    {
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == "workflow.operation" && (string?)tag.Value == operation)
                {
                    total += point.GetSumLong();
                }
            }
        }

        return total;
    }

    /// <summary>The host with OpenTelemetry's in-memory exporters beside its own configuration.</summary>
    public sealed class ObservedHost : HostFixture
    {
        private readonly List<Activity> spans = [];
        private readonly List<Metric> metrics = [];

        public IReadOnlyList<Activity> Spans { get { lock (spans) { return [.. spans]; } } }

        public IReadOnlyList<Metric> Metrics { get { lock (metrics) { return [.. metrics]; } } }

        /// <summary>Exports what was recorded so far.</summary>
        public void Flush()
        {
            var services = Services;
            ((TracerProvider)services.GetService(typeof(TracerProvider))!).ForceFlush();
            lock (metrics)
            {
                metrics.Clear();
            }

            ((MeterProvider)services.GetService(typeof(MeterProvider))!).ForceFlush();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meter => meter.AddInMemoryExporter(metrics));
            });
        }
    }
}
