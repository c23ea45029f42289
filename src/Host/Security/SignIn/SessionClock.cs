namespace AdviesRoute.Host.Security.SignIn;

/// <summary>
/// The clock of sessions, security stamps and failed sign-in tries: the wall clock, also in the Testing environment,
/// where the registered <see cref="TimeProvider"/> runs ahead for the engine (moving a proposal twelve weeks on must
/// not sign the tester out nor forget failed tries). A test may register another one to age a session.
/// </summary>
public sealed class SessionClock(TimeProvider time)
{
    public SessionClock()
        : this(TimeProvider.System)
    {
    }

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
