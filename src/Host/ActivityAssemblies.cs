using System.Reflection;

namespace AdviesRoute.Host;

/// <summary>The assemblies whose activities the engine registers (it adds its own control-flow activities itself).</summary>
internal static class ActivityAssemblies
{
    public static Assembly[] All { get; } = [AdviesRoute.Activities.ActivityLibrary.Assembly];
}
