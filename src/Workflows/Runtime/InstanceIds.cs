using System.Globalization;
using System.Security.Cryptography;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>
/// Instance ids that sort by creation: 12 hex digits of Unix milliseconds, 4 of a counter within the millisecond,
/// 16 random (32 in all, like a GUID in "N" format). Unlike <see cref="Guid.CreateVersion7()"/>, ids made in one
/// process are strictly increasing even within one millisecond, so the list (ordered by id) shows them in the order
/// they were started, and the creation moment handed out with the id follows the same order.
/// </summary>
internal sealed class InstanceIds(TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _lastMs;
    private int _counter;

    public (string Id, DateTimeOffset CreatedAt) Next()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var ms = now.ToUnixTimeMilliseconds();
            if (ms > _lastMs)
            {
                _lastMs = ms;
                _counter = 0;
            }
            else if (++_counter > 0xFFFF)
            {
                _lastMs++;
                _counter = 0;
            }

            Span<byte> random = stackalloc byte[8];
            RandomNumberGenerator.Fill(random);
            var id = _lastMs.ToString("x12", CultureInfo.InvariantCulture) + _counter.ToString("x4", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(random);
            return (id, now);
        }
    }
}
