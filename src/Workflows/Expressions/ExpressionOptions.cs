using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Workflows.Expressions;

/// <summary>
/// Sandbox limits for one expression evaluation, bound from the configuration section
/// <c>Workflows:Expressions</c>. Each limit turns a runaway expression into an <see cref="ExpressionException"/>.
/// </summary>
public sealed class ExpressionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Workflows:Expressions";

    /// <summary>Wall-clock time one evaluation may take, in milliseconds (also the regular-expression timeout).</summary>
    [Range(1, 60_000)]
    public int TimeoutMilliseconds { get; set; } = 250;

    /// <summary>Bytes one evaluation may allocate.</summary>
    [Range(typeof(long), "65536", "1073741824")]
    public long MemoryLimitBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How often one function may be on the call stack at once.</summary>
    [Range(1, 10_000)]
    public int MaxRecursionDepth { get; set; } = 64;

    /// <summary>Statements one evaluation may execute (stops endless loops before the timeout does).</summary>
    [Range(1, 100_000_000)]
    public int MaxStatements { get; set; } = 100_000;
}
