using System.Reflection;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// What a sentence may look up beyond its own line: the names of bodies, members and meetings in the governance model
/// and jaarkalender, and the kind of step that wrote the line. Everything is optional: a body or meeting that is no
/// longer known gives a sentence without its name, never an id.
/// </summary>
public sealed class JournalReading(GovernanceSnapshot? governance = null, string? activityType = null)
{
    /// <summary>The step type that wrote the line, e.g. <c>Zienswijzenronde</c>.</summary>
    public string? ActivityType { get; } = activityType;

    public Body? Body(string? id) => id is null ? null : governance?.Model.FindBody(id);

    public Member? Member(string? id) => id is null ? null : governance?.Model.FindMember(id);

    public Meeting? Meeting(string? id) => id is null ? null : governance?.Calendar.Meetings.FirstOrDefault(m => m.Id == id);

    /// <summary>The same lookups for a line of another step.</summary>
    public JournalReading For(string? type) => type == ActivityType ? this : new JournalReading(governance, type);

    /// <summary>Whether the line was written by a step of the activity class <typeparamref name="T"/>.</summary>
    public bool WrittenBy<T>() where T : Activity => ActivityType is not null && ActivityType == TypeName<T>.Value;

    private static class TypeName<T>
    {
        public static readonly string? Value = typeof(T).GetCustomAttribute<ActivityAttribute>()?.Type;
    }

    /// <summary>A body's name: the one stored with the line, else the model's, else <paramref name="unknown"/>.</summary>
    public string BodyName(string? id, string? stored, string unknown) => stored ?? Body(id)?.Name ?? unknown;

    /// <summary>"de raad", "het college" or the body's name: on whose behalf an answer of a body was recorded.</summary>
    public string OnBehalfOfBody(string? id, string? stored) => Body(id)?.Kind switch
    {
        BodyKind.Gemeenteraad => "de raad",
        BodyKind.College => "het college",
        _ => stored ?? Body(id)?.Name ?? "het orgaan",
    };
}
