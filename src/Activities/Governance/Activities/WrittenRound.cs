using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A written round, as the voting activities (every seat of a body) and the answer rounds (every council or college)
/// hold it: the round's number in the step's state (<c>ronde</c>), one request per party with its mail, a deadline
/// bookmark and the reminder bookmarks before it, and the reminders to the parties that have not answered. What a
/// party answers and how the round closes stays with the activity.
/// </summary>
/// <param name="requestKind">The kind of request mail (<c>verzoekStem</c>, <c>verzoekZienswijze</c>, ...).</param>
/// <param name="choices">The choices a party has, named in every mail of the round.</param>
internal sealed class WrittenRound(ActivityContext context, WorkingDayCalendar calendar, string requestKind, IReadOnlyList<string> choices)
{
    public const string DeadlineBookmark = "Termijn";
    public const string ReminderBookmark = "Herinnering";

    /// <summary>The number of the round that is open; set by <see cref="Start"/>.</summary>
    public int Number => context.State["ronde"]!.GetValue<int>();

    /// <summary>
    /// Starts the next round: a step entered again (after rework, or a new round) asks anew, so the links of an
    /// earlier round no longer count.
    /// </summary>
    public int Start()
    {
        var number = (context.State["ronde"]?.GetValue<int>() ?? 0) + 1;
        context.State["ronde"] = number;
        return number;
    }

    /// <summary>
    /// Asks every party: queues its mails and waits for its request (in the order given), for the deadline and for
    /// each reminder moment still ahead (<c>herinneringen</c>: working days before the deadline).
    /// </summary>
    public ActivityResult Open(string requestBookmark, IEnumerable<(RoundParty Party, JsonObject Request)> parties, Deadline deadline,
        IReadOnlyList<string> reminders, string? subject, string? text)
    {
        var number = Number;
        var requests = new List<BookmarkRequest>();
        foreach (var (party, request) in parties)
        {
            requests.Add(new BookmarkRequest(requestBookmark, request));
            foreach (var to in party.Addressees)
            {
                RequestMails.Queue(context, requestKind, to, number, party.Target, party.Body, deadline, choices, subject, text);
            }
        }

        requests.Add(new BookmarkRequest(DeadlineBookmark, new RequestPayload { Deadline = deadline.Display }.ToJson(), deadline.Moment));
        foreach (var (days, at) in RequestMails.ReminderMoments(calendar, deadline, reminders, context.Now))
        {
            requests.Add(new BookmarkRequest(ReminderBookmark, new RequestPayload { WorkingDays = days }.ToJson(), at));
        }

        return ActivityResult.WaitInstead([.. requests]);
    }

    /// <summary>A reminder to the parties that have not answered, in the journal with how many were sent; the round waits on.</summary>
    public ActivityResult Remind(IEnumerable<RoundParty> silent, Deadline deadline)
    {
        var number = Number;
        var reminded = 0;
        foreach (var party in silent)
        {
            foreach (var to in party.Addressees)
            {
                RequestMails.Queue(context, "herinnering", to, number, party.Target, party.Body, deadline, choices, null, null);
                reminded++;
            }
        }

        context.Journal(new HerinneringVerstuurd(reminded));
        return ActivityResult.Wait();
    }

    /// <summary>The round stays open for a party that answered: it may still change its answer through the same link.</summary>
    public static ActivityResult KeepOpen(ResumeArgs resume) =>
        ActivityResult.Wait(new BookmarkRequest(resume.BookmarkName, resume.Payload?.DeepClone().AsObject()));
}
