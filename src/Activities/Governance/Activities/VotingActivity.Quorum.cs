using System.Globalization;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Meetings;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Governance.Activities;

public abstract partial class VotingActivity
{
    /// <summary>
    /// Refuses an outcome in a meeting without quorum (<see cref="Quorum"/>), before anything is recorded. Every channel
    /// (the proposal page, the Namens page, the API) resumes the meeting's bookmark, so every outcome passes here. Moving the
    /// item to another meeting stays possible: that is what a meeting without quorum does with its items.
    /// </summary>
    private async ValueTask EnsureQuorumAsync(ActivityContext context, ResumeArgs resume)
    {
        if (MeetingAnswer.Read(resume.Input).MoveTo is not null
            || context.State["vergadering"] is not { } meeting
            || meeting["id"]?.GetValue<string>() is not { } meetingId
            || meeting["datum"]?.GetValue<string>() is not { } datum
            || !DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || Bestuur.Today(context.Now) < day
            || context.Services.GetService<IMeetingAttendanceSource>() is not { } source
            || await source.FindAsync(meetingId) is not { } attendance)
        {
            return;
        }

        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var count = Quorum.Count(snapshot.Model, body, day, attendance.Members);
        if (count.Reached)
        {
            return;
        }

        var earlier = attendance.ReconvenedAfter is { } earlierId ? snapshot.Calendar.Meetings.FirstOrDefault(m => m.Id == earlierId) : null;
        var wasOnEarlier = attendance.ReconvenedAfter is { } id && await source.WasOnAgendaAsync(context.InstanceId, id);
        if (Quorum.Refusal(count, $"{body.Name} van {Bestuur.Format(day)}", attendance, wasOnEarlier, earlier is null ? null : Bestuur.Format(earlier.Date)) is { } refusal)
        {
            throw new ResumeRejectedException(refusal);
        }
    }
}
