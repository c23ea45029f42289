using System.Threading.Channels;

namespace AdviesRoute.Host.Search;

/// <summary>Wakes the <see cref="SearchIndexWorker"/>: a document waits to be read. Signals while it is busy fold into one.</summary>
public sealed class SearchIndexSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    internal async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
