using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Runtime;
using static AdviesRoute.Benchmarks.Measure;
using WorkflowChannel = AdviesRoute.Workflows.Runtime.Channel;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// This program as one engine host on PostgreSQL, in a process of its own (<c>--postgres-host &lt;connection string&gt;</c>),
/// driven by the PostgreSQL part through line commands on standard input. Each answer is one line on standard output,
/// <c>@@</c> followed by JSON (other output is ignored by the parent); a failed command answers <c>{"error": …}</c>.
/// </summary>
/// <remarks>
/// Commands: <c>save</c> (store and publish the Wait definition); <c>warmup &lt;n&gt;</c> (n starts and resumes);
/// <c>starts &lt;seconds&gt; &lt;max&gt; &lt;file&gt;</c> (measured; the started instance and bookmark ids go to the file, one pair a line);
/// <c>fill &lt;n&gt; &lt;file&gt;</c> (n more starts, unmeasured, appended to the file); <c>resumes &lt;seconds&gt; &lt;max&gt; &lt;file&gt;</c>
/// (measured, of the pairs in the file); <c>quit</c>. A measured command answers the operations completed, the window's
/// length, this process's CPU ticks in it (<c>/proc/self/stat</c>) and the engine's meters.
/// </remarks>
internal static class PostgresHostProcess
{
    public const int Callers = 8;
    public const string AnswerMark = "@@";

    public static async Task<int> RunAsync(string connectionString)
    {
        using var meters = new EngineMeters();
        await using var host = await BenchHost.StartOnPostgresAsync(connectionString);
        var runtime = host.Runtime;
        var trigger = new Trigger("benchmark", WorkflowChannel.Api);
        Answer(new JsonObject { ["ready"] = true, ["pid"] = Environment.ProcessId });
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            try
            {
                switch (words[0])
                {
                    case "quit":
                        Answer(new JsonObject { ["bye"] = true });
                        return 0;
                    case "save":
                        await host.SaveAsync(Definitions.Wait());
                        Answer(new JsonObject { ["saved"] = true });
                        break;
                    case "warmup":
                        for (var i = 0; i < int.Parse(words[1], CultureInfo.InvariantCulture); i++)
                        {
                            var s = await runtime.StartAsync(Definitions.WaitId, null, trigger);
                            await runtime.ResumeAsync(s.InstanceId, s.Bookmarks[0].Id, null, ResumeTrigger());
                        }

                        Answer(new JsonObject { ["warm"] = true });
                        break;
                    case "starts":
                    case "fill":
                    {
                        var measured = words[0] == "starts";
                        var seconds = measured ? double.Parse(words[1], CultureInfo.InvariantCulture) : 600;
                        var max = long.Parse(words[measured ? 2 : 1], CultureInfo.InvariantCulture);
                        var file = words[measured ? 3 : 2];
                        var started = new ConcurrentQueue<string>();
                        var answer = await WindowAsync(meters, seconds, max, async _ =>
                        {
                            var summary = await runtime.StartAsync(Definitions.WaitId, null, trigger);
                            if (summary.Status != WorkflowStatus.Suspended || summary.Bookmarks.Count != 1)
                            {
                                throw new InvalidOperationException($"Start ended as {summary.Status} with {summary.Bookmarks.Count} bookmarks.");
                            }

                            started.Enqueue($"{summary.InstanceId} {summary.Bookmarks[0].Id}");
                            return true;
                        });
                        await File.AppendAllLinesAsync(file, started);
                        Answer(answer);
                        break;
                    }

                    case "resumes":
                    {
                        var seconds = double.Parse(words[1], CultureInfo.InvariantCulture);
                        var max = long.Parse(words[2], CultureInfo.InvariantCulture);
                        var waiting = new ConcurrentQueue<string[]>((await File.ReadAllLinesAsync(words[3])).Select(l => l.Split(' ')));
                        var answer = await WindowAsync(meters, seconds, max, async _ =>
                        {
                            if (!waiting.TryDequeue(out var item))
                            {
                                return false;
                            }

                            var summary = await runtime.ResumeAsync(item[0], item[1], new JsonObject { ["ok"] = true }, ResumeTrigger());
                            return summary.Status == WorkflowStatus.Finished ? true : throw new InvalidOperationException($"Resume ended as {summary.Status}.");
                        });
                        answer["left"] = waiting.Count;
                        Answer(answer);
                        break;
                    }

                    default:
                        Answer(new JsonObject { ["error"] = $"unknown command: {line}" });
                        break;
                }
            }
            catch (Exception ex)
            {
                Answer(new JsonObject { ["error"] = ex.ToString() });
            }
        }

        return 0;
    }

    private static async Task<JsonObject> WindowAsync(EngineMeters meters, double seconds, long max, Func<long, Task<bool>> operation)
    {
        meters.Reset();
        var ticks = ProcStats.SelfTicks();
        var result = await ConcurrentAsync(Callers, max, TimeSpan.FromSeconds(seconds), operation);
        var after = ProcStats.SelfTicks();
        return new JsonObject
        {
            ["count"] = result.Count,
            ["seconds"] = result.Elapsed.TotalSeconds,
            ["ticks"] = ticks is null || after is null ? null : after - ticks,
            ["meters"] = meters.Snapshot(),
        };
    }

    private static Trigger ResumeTrigger() => new("benchmark", WorkflowChannel.Api, Guid.NewGuid().ToString("N"));

    private static void Answer(JsonObject answer) => Console.Out.WriteLine(AnswerMark + answer.ToJsonString());
}

/// <summary>The parent's handle on one host process: starts it, sends it commands, reads its answers.</summary>
internal sealed class HostProcessClient : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcessClient(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>Starts <c>dotnet &lt;this program's dll&gt; --postgres-host &lt;connection string&gt;</c> and waits until its host is up.</summary>
    public static async Task<HostProcessClient> StartAsync(string connectionString)
    {
        var dll = typeof(PostgresHostProcess).Assembly.Location;
        var processPath = Environment.ProcessPath ?? "dotnet";
        var dotnet = Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--postgres-host", connectionString })
        {
            start.ArgumentList.Add(argument);
        }

        var client = new HostProcessClient(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet} {dll}."));
        var ready = await client.ReadAnswerAsync(TimeSpan.FromMinutes(2));
        return ready["ready"] is null ? throw new InvalidOperationException($"Host process said {ready.ToJsonString()}") : client;
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The next answer line; throws when the process answers with an error, exits, or takes too long.</summary>
    public async Task<JsonObject> ReadAnswerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException($"Host process {_process.Id} ended (exit code {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?")}).");
            if (!line.StartsWith(PostgresHostProcess.AnswerMark, StringComparison.Ordinal))
            {
                continue;
            }

            var answer = JsonNode.Parse(line[PostgresHostProcess.AnswerMark.Length..])!.AsObject();
            return answer["error"] is { } error ? throw new InvalidOperationException($"Host process {_process.Id}: {error}") : answer;
        }
    }

    public async Task<JsonObject> AskAsync(string command, TimeSpan timeout)
    {
        await SendAsync(command);
        return await ReadAnswerAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SendAsync("quit");
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
