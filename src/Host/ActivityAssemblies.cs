using System.Reflection;

namespace AdviesRoute.Host;

/// <summary>The assemblies whose activities the engine registers (it adds its own control-flow activities itself).</summary>
internal static class ActivityAssemblies
{
    // Loaded by name because src/Activities has no public type yet to write typeof(...) against; the project
    // reference puts the assembly next to the host.
    public static Assembly[] All { get; } = [Assembly.Load(new AssemblyName("AdviesRoute.Activities"))];
}
