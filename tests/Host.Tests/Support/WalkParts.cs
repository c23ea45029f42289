namespace AdviesRoute.Host.Tests.Support;

/// <summary>
/// A browser walk that a test class shares, taken once in named parts. A part that throws stops the walk (after
/// <paramref name="onFailure"/>, e.g. a screenshot named after it); each test then asks for the part it reads with
/// <see cref="Reached"/>, so a failure is reported once, at the part that failed, with its own exception.
/// </summary>
public sealed class WalkParts(Func<string, Task> onFailure)
{
    private readonly Dictionary<string, Exception> failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> done = new(StringComparer.Ordinal);
    private string? stoppedAt;

    /// <summary>Runs a part unless the walk stopped before it.</summary>
    public async Task PartAsync(string name, Func<Task> part)
    {
        if (stoppedAt is not null)
        {
            return;
        }

        try
        {
            await part();
            done.Add(name);
        }
        catch (Exception ex)
        {
            failed[name] = ex;
            stoppedAt = name;
            await onFailure(name);
        }
    }

    /// <summary>Throws with the error of the part that failed, or of the part that stopped the walk before <paramref name="part"/>.</summary>
    public void Reached(string part)
    {
        if (failed.TryGetValue(part, out var error))
        {
            throw new InvalidOperationException($"The walk failed at '{part}'.", error);
        }

        if (stoppedAt is not null && !done.Contains(part))
        {
            throw new InvalidOperationException($"The walk stopped at '{stoppedAt}' before '{part}'.", failed[stoppedAt]);
        }
    }
}
