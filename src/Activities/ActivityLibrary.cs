using System.Reflection;

namespace AdviesRoute.Activities;

/// <summary>The activity library of AdviesRoute: the governance activities the engine registers next to its own.</summary>
public static class ActivityLibrary
{
    /// <summary>The assembly the engine scans for activity types.</summary>
    public static Assembly Assembly => typeof(ActivityLibrary).Assembly;
}
