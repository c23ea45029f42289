using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// Forwards to <see cref="DutchFormat.Duration(IsoDuration)"/>, the one Dutch formatter; kept for the governance
/// activities that still call it.
/// </summary>
public static class DutchDuration
{
    public static string Format(IsoDuration duration) => DutchFormat.Duration(duration);

    public static string Format(string isoText) => DutchFormat.Duration(isoText);
}
