using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// The engine's own instruments (meter <see cref="WorkflowTelemetry.Name"/>), read in a host process with a
/// <see cref="MeterListener"/>: per instrument and tag combination, the count and sum of the measurements and a sample
/// of their values (for the median). An instrument the engine does not have simply never shows up.
/// </summary>
internal sealed class EngineMeters : IDisposable
{
    /// <summary>At most this many values per series go to the parent (an even spread over the sorted values).</summary>
    private const int SampleLimit = 5_000;

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private Dictionary<string, Series> _series = [];

    public EngineMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WorkflowTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Forgets everything measured so far (at the start of a window).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _series = [];
        }
    }

    /// <summary>Everything since the last reset, as JSON: { "name|tag=value,…": { count, sum, values: [...] } }.</summary>
    public JsonObject Snapshot()
    {
        Dictionary<string, Series> series;
        lock (_lock)
        {
            series = _series;
            _series = [];
        }

        var result = new JsonObject();
        foreach (var (key, s) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            List<double> values;
            lock (s)
            {
                values = [.. s.Values];
            }

            values.Sort();
            var step = Math.Max(1, values.Count / (double)SampleLimit);
            var sample = new JsonArray();
            for (var i = 0.0; i < values.Count; i += step)
            {
                sample.Add(values[(int)i]);
            }

            result[key] = new JsonObject { ["count"] = s.Count, ["sum"] = s.Sum, ["values"] = sample };
        }

        return result;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name;
        if (tags.Length > 0)
        {
            var parts = new List<string>(tags.Length);
            foreach (var tag in tags)
            {
                parts.Add($"{tag.Key}={Convert.ToString(tag.Value, CultureInfo.InvariantCulture)}");
            }

            parts.Sort(StringComparer.Ordinal);
            key += "|" + string.Join(',', parts);
        }

        Series? series;
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out series))
            {
                series = new Series();
                _series[key] = series;
            }
        }

        lock (series)
        {
            series.Count++;
            series.Sum += value;
            series.Values.Add(value);
        }
    }

    private sealed class Series
    {
        public long Count { get; set; }
        public double Sum { get; set; }
        public List<double> Values { get; } = [];
    }
}

/// <summary>The engine's measurements of one window, summed over the host processes (parent side).</summary>
internal sealed class MeterTotals
{
    private readonly Dictionary<string, (long Count, double Sum, List<(double Value, double Weight)> Sample)> _series = [];

    public void Add(JsonObject snapshot)
    {
        foreach (var (key, node) in snapshot)
        {
            var count = (long)node!["count"]!;
            var sum = (double)node["sum"]!;
            var values = node["values"]!.AsArray().Select(v => (double)v!).ToList();
            var weight = values.Count == 0 ? 0 : count / (double)values.Count;
            if (!_series.TryGetValue(key, out var s))
            {
                s = (0, 0, []);
            }

            s.Sample.AddRange(values.Select(v => (v, weight)));
            _series[key] = (s.Count + count, s.Sum + sum, s.Sample);
        }
    }

    /// <summary>Sum of the values of an instrument whose series match <paramref name="tags"/> (all of them), or null when it has no series.</summary>
    public double? Sum(string instrument, params string[] tags) => Matching(instrument, tags) is { Count: > 0 } m ? m.Sum(s => s.Sum) : null;

    public long? Count(string instrument, params string[] tags) => Matching(instrument, tags) is { Count: > 0 } m ? m.Sum(s => s.Count) : null;

    public double? Mean(string instrument, params string[] tags) =>
        Matching(instrument, tags) is { Count: > 0 } m && m.Sum(s => s.Count) > 0 ? m.Sum(s => s.Sum) / m.Sum(s => s.Count) : null;

    /// <summary>The weighted median of the hosts' samples.</summary>
    public double? Median(string instrument, params string[] tags)
    {
        var sample = (Matching(instrument, tags) ?? []).SelectMany(s => s.Sample).OrderBy(s => s.Value).ToList();
        var total = sample.Sum(s => s.Weight);
        if (total <= 0)
        {
            return null;
        }

        var seen = 0.0;
        foreach (var (value, weight) in sample)
        {
            seen += weight;
            if (seen >= total / 2)
            {
                return value;
            }
        }

        return sample[^1].Value;
    }

    /// <summary>The tag values an instrument was seen with, for one tag.</summary>
    public IEnumerable<string> TagValues(string instrument, string tag) =>
        _series.Keys.Where(k => k.StartsWith(instrument + "|", StringComparison.Ordinal))
            .SelectMany(k => k[(instrument.Length + 1)..].Split(','))
            .Where(t => t.StartsWith(tag + "=", StringComparison.Ordinal))
            .Select(t => t[(tag.Length + 1)..]).Distinct().Order(StringComparer.Ordinal);

    private List<(long Count, double Sum, List<(double Value, double Weight)> Sample)>? Matching(string instrument, string[] tags)
    {
        var list = _series.Where(s =>
        {
            var bar = s.Key.IndexOf('|', StringComparison.Ordinal);
            var name = bar < 0 ? s.Key : s.Key[..bar];
            var keyTags = bar < 0 ? [] : s.Key[(bar + 1)..].Split(',');
            return name == instrument && tags.All(keyTags.Contains);
        }).Select(s => s.Value).ToList();
        return list.Count == 0 ? null : list;
    }
}
