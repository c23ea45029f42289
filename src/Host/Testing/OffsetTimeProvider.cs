namespace AdviesRoute.Host.Testing;

/// <summary>
/// The system clock plus an offset that only moves forward. Registered only in the Testing environment, so a
/// browser test can cross a twelve-week period while the real Hangfire server fires the timers. It may start at a
/// chosen moment (<c>Testing:Now</c>), before or after the wall clock, so stored data made at that moment can be
/// opened again at the same moment.
/// </summary>
public sealed class OffsetTimeProvider(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public OffsetTimeProvider()
        : this(System)
    {
    }

    /// <summary>A clock that reads <paramref name="startsAt"/> now and runs on from there with the wall clock.</summary>
    public OffsetTimeProvider(TimeProvider inner, DateTimeOffset startsAt)
        : this(inner)
    {
        _offsetTicks = (startsAt - inner.GetUtcNow()).Ticks;
    }

    /// <summary>How far the clock runs ahead of the wall clock; negative when it was started in the past.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    // Elapsed-time measurement and timers stay on real time: only "what time is it" moves.
    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward; returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
