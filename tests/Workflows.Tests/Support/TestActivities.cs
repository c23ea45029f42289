using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Workflows.Tests.Support;

/// <summary>Throws while the variable <c>fail</c> is true; used to show incidents and retry.</summary>
[Activity("Test.Flaky", Category = "Test", DisplayName = "Wankele stap")]
[Outcomes(Ports.Done)]
public sealed class FlakyActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.GetVariable("fail")?.GetValue<bool>() == true)
        {
            throw new InvalidOperationException("De externe dienst antwoordde niet.");
        }

        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}

/// <summary>Writes an outbox message; used to show the outbox is written with the step.</summary>
[Activity("Test.Notify", Category = "Test", DisplayName = "Bericht")]
[Input("kind", InputType.String, Required = true, SupportsExpression = false)]
[Outcomes(Ports.Done)]
public sealed class NotifyActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.AddOutboxMessage(context.GetInput<string>("kind")!, new System.Text.Json.Nodes.JsonObject { ["instance"] = context.InstanceId });
        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}

/// <summary>The first release of a versioned activity: always goes out through "Oud".</summary>
[Activity("Test.Versioned", Version = 1, Category = "Test", DisplayName = "Versie 1")]
[Outcomes("Oud")]
public sealed class VersionedActivityV1 : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete("Oud"));
}

/// <summary>The second release: another port. Instances pinned to version 1 keep running version 1.</summary>
[Activity("Test.Versioned", Version = 2, Category = "Test", DisplayName = "Versie 2")]
[Outcomes("Nieuw")]
public sealed class VersionedActivityV2 : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete("Nieuw"));
}

/// <summary>
/// Passes the <see cref="StepGate"/> of its host when one is registered, else goes straight on; lets a test hold one
/// host's burst after it loaded the instance and before it commits, while another host goes first.
/// </summary>
[Activity("Test.Gate", Category = "Test", DisplayName = "Poort")]
[Outcomes(Ports.Done)]
public sealed class GateActivity : Activity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Services.GetService(typeof(StepGate)) is StepGate gate)
        {
            await gate.PassAsync();
        }

        return ActivityResult.Complete(Ports.Done);
    }
}

/// <summary>A one-shot gate: the first burst to reach it says so and waits until the test opens it; later ones pass.</summary>
public sealed class StepGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a burst stands at the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _opened.TrySetResult();

    internal Task PassAsync()
    {
        _reached.TrySetResult();
        return _opened.Task;
    }
}

/// <summary>
/// Asks someone (input <c>aan</c>): waits on a request with a payload and on a deadline the day after, and keeps what it
/// asked and the answer in its own state; used to show what a read of the instance gives.
/// </summary>
[Activity("Test.Ask", Category = "Test", DisplayName = "Vraag")]
[Input("aan", InputType.String, Required = true, SupportsExpression = false)]
[Outcomes(Ports.Done)]
public sealed class AskActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var to = context.GetInput<string>("aan")!;
        context.State["gevraagd"] = to;
        return ValueTask.FromResult(ActivityResult.Wait(
            new BookmarkRequest("Vraag", new System.Text.Json.Nodes.JsonObject { ["aan"] = to }),
            new BookmarkRequest("Termijn", new System.Text.Json.Nodes.JsonObject { ["uiterlijk"] = "morgen" }, context.Now.AddDays(1))));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        context.State["antwoord"] = resume.Input?["keuze"]?.DeepClone();
        context.Journal("antwoord", resume.Input?["keuze"]?.GetValue<string>());
        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}
