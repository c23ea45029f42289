using AdviesRoute.Activities.Governance.Meetings;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A meeting's minutes: the full agenda, attendance and quorum, the besluitenlijst and its documents.</summary>
public static class MeetingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MeetingMinutes"/> and the attendance the meeting steps read to refuse an outcome without quorum
    /// (<see cref="IMeetingAttendanceSource"/>).
    /// </summary>
    public static IServiceCollection AddMeetingMinutes(this IServiceCollection services)
    {
        services.AddScoped<MeetingMinutes>();
        services.AddSingleton<IMeetingAttendanceSource, HostMeetingAttendanceSource>();
        return services;
    }
}
