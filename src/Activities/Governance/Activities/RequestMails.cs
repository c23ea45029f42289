using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// The mails that ask a person to act (vote, advise, give a zienswijze, answer for a college), written to the outbox
/// in the same transaction as the step. Each names the step, its round and the seat or body, so the host can make
/// the person's own link for it (one per person, per step, per round) and find the open request when it is used.
/// The subject and text are templates with {naam}, {titel}, {orgaan} and {uiterlijk}; the host escapes the values.
/// </summary>
public static class RequestMails
{
    public const string OutboxKind = "verzoek";

    /// <summary>The request kinds, each with its Dutch default subject and text.</summary>
    public static readonly IReadOnlyDictionary<string, (string Subject, string Text)> Defaults = new Dictionary<string, (string, string)>
    {
        // The deadline is not repeated in the sentence: every request mail shows it under "Termijn".
        ["verzoekStem"] = ("Verzoek om uw stem: {titel}",
            "Beste {naam},\n\nHet {orgaan} besluit schriftelijk over ‘{titel}’. Wilt u uw stem uitbrengen binnen de termijn hieronder?"),
        ["verzoekAdvies"] = ("Verzoek om advies: {titel}",
            "Beste {naam},\n\nDe {orgaan} adviseert schriftelijk over ‘{titel}’. Wilt u uw advies geven binnen de termijn hieronder?"),
        ["verzoekZienswijze"] = ("Verzoek om een zienswijze: {titel}",
            "Beste {naam},\n\nHet dagelijks bestuur vraagt de {orgaan} om een zienswijze op ‘{titel}’. De raad kan zijn zienswijze geven binnen de termijn hieronder."),
        ["verzoekColleges"] = ("Verzoek om terugkoppeling van het college: {titel}",
            "Beste {naam},\n\nHet dagelijks bestuur legt ‘{titel}’ voor aan het {orgaan}. Laat u binnen de termijn hieronder weten of het college instemt of bedenkingen heeft?"),
        ["herinnering"] = ("Herinnering: {titel}",
            "Beste {naam},\n\nWij hebben uw reactie op ‘{titel}’ nog niet ontvangen. De termijn hieronder loopt bijna af."),
    };

    /// <summary>Queues the request mail for one person.</summary>
    /// <param name="target">The seat (<c>zetel</c>, a member id) or the body (<c>orgaan</c>) the request belongs to.</param>
    /// <remarks>The payload is a <see cref="RequestMail"/>.</remarks>
    public static void Queue(ActivityContext context, string kind, Member to, int round, (string Name, string Value) target, Body body,
        Deadline deadline, IReadOnlyList<string> choices, string? subject, string? text)
    {
        var (defaultSubject, defaultText) = Defaults[kind == "herinnering" ? "herinnering" : kind];
        context.AddOutboxMessage(OutboxKind, new RequestMail
        {
            RequestKind = kind,
            ActivityId = context.ActivityId,
            Round = round,
            Seat = target.Name == "zetel" ? target.Value : null,
            Body = target.Name == "orgaan" ? target.Value : null,
            To = MailRecipient.Of(to),
            BodyId = body.Id, // a document marked for another body is left out of the mail
            BodyName = body.Name,
            Choices = choices,
            Deadline = deadline.Display,
            ExpiresAt = deadline.Moment,
            Subject = subject ?? defaultSubject,
            Text = text ?? defaultText,
            Proposal = MailProposal.From(context.WorkflowInput, documents: true),
        }.ToJson());
    }

    /// <summary>The reminder moments: N working days before the deadline's day, at 09:00 in the Netherlands, still ahead.</summary>
    public static IEnumerable<(int Days, DateTimeOffset At)> ReminderMoments(WorkingDayCalendar calendar, Deadline deadline, IReadOnlyList<string> offsets, DateTimeOffset now)
    {
        foreach (var offset in offsets)
        {
            if (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days <= 0)
            {
                throw new InvalidOperationException($"Invoer 'herinneringen': '{offset}' is geen aantal werkdagen.");
            }

            var day = calendar.AddWorkingDays(deadline.Date, -days);
            var at = DeadlineCalculator.EndOfDay(day).AddHours(-14).AddMinutes(-59); // 09:00 local, summer or winter
            if (at > now)
            {
                yield return (days, at);
            }
        }
    }
}
