namespace AdviesRoute.Workflows.Activities;

/// <summary>
/// Base of every activity. An activity is stateless code; what it must remember between a wait and a resume
/// goes in <see cref="ActivityContext.State"/> or in the bookmark's payload, which the engine persists.
/// Describe it with <see cref="ActivityAttribute"/> and <see cref="OutcomesAttribute"/>, and its inputs either as a
/// record it reads (<see cref="IHasInputs{TInputs}"/>, each property with its <see cref="InputAttribute"/>) or with
/// <see cref="InputAttribute"/>s on the class, so the registry and the designer know it.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs when a token arrives at the activity.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Runs when one of the activity's bookmarks is resumed. The resumed bookmark is already removed.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume) =>
        ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}

/// <summary>Port names shared by the generic activities.</summary>
public static class Ports
{
    public const string Done = "Done";
    public const string In = "In";
}
