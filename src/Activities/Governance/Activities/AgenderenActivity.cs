using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Puts the proposal on the next meeting of a body whose documents deadline can still be met, and keeps that
/// meeting in a variable for the advice or decision that follows. Passed again (the item was postponed, or the
/// meeting went by without a decision) it takes the meeting after the previous one. With no meeting left on the
/// jaarkalender it waits, and is picked up again when the secretary resumes it after the calendar was extended.
/// </summary>
[Activity("Agenderen", Category = Bestuur.Category, IsBlocking = true)]
public sealed class AgenderenActivity(IGovernanceDirectory directory) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep, IHasInputs<AgenderenInputs>
{
    public static readonly StepDeclaration Declared = new("Agenderen", "Agenderen",
        "Zet het voorstel op de eerstvolgende vergadering van een orgaan waarvan de stukkentermijn nog haalbaar is.")
    {
        Outcomes = [new(Geagendeerd, "Geagendeerd")],
        Requests =
        [
            new(NoMeetingBookmark, "Geen vergadering gevonden", Answerer.Secretariat)
            {
                Action = "Opnieuw agenderen",
                Task = _ => "Geen vergadering meer op de kalender: kalender aanvullen en opnieuw agenderen",
                Intro = payload => $"{payload.Reason} Vul de jaarkalender aan en agendeer opnieuw.".TrimStart(),
            },
        ],
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input == AgenderenInputs.OrgaanKey ? Bestuur.CheckBodies(directory, value) : null;

    public const string Geagendeerd = "geagendeerd";
    public const string NoMeetingBookmark = "GeenVergadering";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(Schedule(context));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume) => ValueTask.FromResult(Schedule(context));

    private ActivityResult Schedule(ActivityContext context)
    {
        var inputs = context.Inputs<AgenderenInputs>();
        var choice = Choose(directory.Current, inputs, Bestuur.Today(context.Now), context.GetVariable(inputs.Variabele));
        foreach (var skipped in choice.Skipped)
        {
            context.Journal(new VergaderingOvergeslagen(skipped));
        }

        if (choice.Meeting is null)
        {
            var reason = $"Er staat geen vergadering van {choice.Body.Name} meer op de jaarkalender waarvoor de stukken nog op tijd kunnen zijn.";
            context.Journal(new GeenVergadering(reason));
            return ActivityResult.WaitInstead(new BookmarkRequest(NoMeetingBookmark, new RequestPayload { Body = choice.Body.Id, Reason = reason }.ToJson()));
        }

        var meeting = Bestuur.ToJson(choice.Meeting, choice.Body, inputs.Agendadeel);
        context.SetVariable(inputs.Variabele, meeting);
        if (inputs.Uitnodigen)
        {
            Invite(context, choice.Body, choice.Meeting, meeting);
        }

        context.Journal(new Journal.Geagendeerd(JournalMeeting.Read(meeting)));
        return ActivityResult.Complete(Geagendeerd);
    }

    /// <summary>
    /// The notice that the item is on the meeting, for the body's members. The host does not mail it as it stands: the
    /// convocation carries the item, or, once that went out, an update of the meeting's one invitation (ADR 24).
    /// </summary>
    private void Invite(ActivityContext context, Body body, Meeting meeting, JsonObject json)
    {
        var members = directory.Current.Model.MembersOf(body.Id, meeting.Date).Where(m => m.SubstituteFor is null).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var title = ProposalInput.Read(context.WorkflowInput).TitleOrUntitled;
        context.AddOutboxMessage(MeldingActivity.OutboxKind, new NotificationMail
        {
            NotificationKind = "agendering",
            Subject = $"Geagendeerd: {title} ({body.Name}, {Bestuur.Format(meeting.Date)})",
            Text = $"Het voorstel \"{title}\" staat op de agenda van de vergadering van {body.Name} op {Bestuur.Format(meeting.Date)} om {meeting.Time:HH\\:mm} in {meeting.Place}."
                + (json["agendadeel"]?.GetValue<string>() is { } part ? $" Agendadeel: {part}." : "")
                + $" De stukken zijn er {meeting.DocumentsDeadline.Display}.",
            To = members.Select(MailRecipient.Of).ToList(),
            Meeting = json.DeepClone().AsObject(),
            Proposal = MailProposal.From(context.WorkflowInput) with { Title = title },
        }.ToJson());
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = context.Inputs<AgenderenInputs>();
        var choice = Choose(context.Governance, inputs, context.Date, context.Variables.TryGetValue(inputs.Variabele, out var v) ? v : null);
        if (choice.Meeting is null)
        {
            throw new SimulationException($"Er staat na {Bestuur.Format(context.Date)} geen vergadering van {choice.Body.Name} meer op de jaarkalender.");
        }

        context.Variables[inputs.Variabele] = Bestuur.ToJson(choice.Meeting, choice.Body, inputs.Agendadeel);
        return new SimulatedStep(Geagendeerd, context.Date,
            $"Geagendeerd voor {choice.Body.Name} op {Bestuur.Format(choice.Meeting.Date)} ({choice.Meeting.DocumentsDeadline.Display})",
            choice.Meeting, choice.Meeting.DocumentsDeadline, choice.Skipped);
    }

    private sealed record Choice(Body Body, Meeting? Meeting, IReadOnlyList<string> Skipped);

    private static Choice Choose(GovernanceSnapshot governance, AgenderenInputs inputs, DateOnly today, JsonNode? previous)
    {
        var body = Bestuur.RequireBody(governance.Model, inputs.Orgaan, AgenderenInputs.OrgaanKey);
        DateOnly? notBefore = null;
        if (inputs.NietVoor is { } text)
        {
            notBefore = DateOnly.TryParseExact(text[..Math.Min(10, text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new InvalidOperationException($"Invoer 'nietVoor': '{text}' is geen datum (jjjj-mm-dd).");
        }

        // Passed again for the same body: the item goes to a meeting after the one it was on.
        DateOnly? after = previous is JsonObject p && p["orgaan"]?.GetValue<string>() == body.Id
            && DateOnly.TryParseExact(p["datum"]?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            ? last
            : null;
        var meeting = Bestuur.NextMeeting(governance.Calendar, body.Id, today, after, notBefore);
        var skipped = governance.Calendar.MeetingsOf(body.Id)
            .Where(m => m.Date >= today && (after is null || m.Date > after) && (notBefore is null || m.Date >= notBefore)
                && m.DocumentsDeadline.Date < today && (meeting is null || m.Date < meeting.Date))
            .Select(m => $"Vergadering van {body.Name} op {Bestuur.Format(m.Date)} gemist: de stukken moesten er {m.DocumentsDeadline.Display.Replace("uiterlijk ", "uiterlijk op ", StringComparison.Ordinal)} zijn.")
            .ToList();
        return new Choice(body, meeting, skipped);
    }
}
