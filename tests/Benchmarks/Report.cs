using System.Globalization;

namespace AdviesRoute.Benchmarks;

/// <summary>Writes the report as Markdown on standard output; progress goes to standard error.</summary>
internal sealed class Report(bool smoke)
{
    private readonly List<(string Measure, string Value, string Ratio)> _figures = [];
    private readonly List<(string Target, string Measured, bool? Pass, string Note)> _targets = [];

    public static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine($"## {text}");
        Console.WriteLine();
    }

    public static void Line(string text = "") => Console.WriteLine(text);

    public static void Table(string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    public void Figure(string measure, string value, string ratio = "") => _figures.Add((measure, value, ratio));

    /// <summary>A target; <paramref name="pass"/> null means not applicable.</summary>
    public void Target(string target, string measured, bool? pass, string note = "") => _targets.Add((target, measured, pass, note));

    public void WriteSummary()
    {
        Heading("Figures");
        Table(["Measure", "Absolute", "Ratio"], _figures.Select(f => new[] { f.Measure, f.Value, f.Ratio }));
        Heading(smoke ? "Targets (smoke mode: sizes too small to judge, not evaluated)" : "Targets");
        Table(["Target", "Measured", "Result", "Note"], _targets.Select(t => new[]
        {
            t.Target,
            t.Measured,
            smoke ? "-" : t.Pass switch { true => "PASS", false => "FAIL", null => "n/a" },
            t.Note,
        }));
        if (!smoke)
        {
            Line();
            Line($"Targets met: {_targets.Count(t => t.Pass == true)} of {_targets.Count(t => t.Pass is not null)} ({_targets.Count(t => t.Pass is null)} not applicable).");
        }
    }
}
