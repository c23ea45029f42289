using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A notification to bodies or people, written to the outbox in the same transaction as the step, so it is sent
/// exactly when the step happened (delivery itself is the outbox's job). Recipients are resolved on the day:
/// a body means the members sitting that day; "raden" and "colleges" mean every council or college.
/// A notification the law gives a last day (e.g. the kaderbrief and the voorlopige jaarrekening to the councils before
/// 30 April, art. 34b Wgr) names that day and its article; sent after it, it still goes out (late is better than not at
/// all), the journal records the overrun and the secretaries are told. The route simulation marks it late beforehand.
/// </summary>
[Activity("Melding", Category = Bestuur.Category)]
public sealed class MeldingActivity(IGovernanceDirectory directory) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep, IHasInputs<MeldingInputs>
{
    public static readonly StepDeclaration Declared = new("Melding", "Melding", "Stuurt een bericht per e-mail aan organen of personen.")
    {
        Outcomes = [new(Ports.Done, "Verstuurd")],
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input switch
    {
        MeldingInputs.AanKey => Bestuur.CheckBodies(directory, value, alsoAllowed: id => id is "raden" or "colleges" or Portefeuillehouder || directory.Current.Model.FindMember(id) is not null),
        MeldingInputs.UiterlijkOpKey => Bestuur.CheckDayOfYear(value),
        _ => null,
    };

    /// <summary>
    /// The recipient that means the proposal's portefeuillehouder: the member its input names in
    /// <c>portefeuillehouder.lid</c>, or whoever holds that seat on the day.
    /// </summary>
    public const string Portefeuillehouder = "portefeuillehouder";

    /// <summary>The outbox kind of a notification; its payload is a <see cref="NotificationMail"/>.</summary>
    public const string OutboxKind = "melding";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = context.Inputs<MeldingInputs>();
        var model = directory.Current.Model;
        var today = Bestuur.Today(context.Now);
        var holder = HolderOf(model, context.WorkflowInput, today, out var noHolder);
        var recipients = Recipients(model, inputs.Aan, today, holder);
        var subject = inputs.Onderwerp ?? throw new InvalidOperationException("De melding heeft geen onderwerp.");
        var missingHolder = inputs.Aan.Contains(Portefeuillehouder) && holder is null ? noHolder : null;
        if (recipients.Count == 0 && missingHolder is not null)
        {
            // Only the portefeuillehouder was meant, and the proposal names none (or the seat is empty): the route goes
            // on, and the journal says why nobody got the melding.
            context.Journal(new MeldingVerstuurd(subject, 0, null) { Opmerking = missingHolder });
            return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
        }

        if (recipients.Count == 0)
        {
            throw new InvalidOperationException($"De melding heeft op {Bestuur.Format(today)} geen ontvangers: {string.Join(", ", inputs.Aan)}.");
        }

        var deadline = LegalDeadline(inputs, today);
        context.AddOutboxMessage(OutboxKind, new NotificationMail
        {
            NotificationKind = inputs.Soort,
            Subject = subject,
            Text = inputs.Tekst,
            To = recipients.Select(MailRecipient.Of).ToList(),
            Proposal = MailProposal.From(context.WorkflowInput),
        }.ToJson());
        context.Journal(new MeldingVerstuurd(subject, recipients.Count, deadline?.Display) { Opmerking = missingHolder });
        if (deadline is not null && context.Now > deadline.Moment)
        {
            context.Journal(new TermijnOverschreden(subject, deadline.Display));
            context.AddOutboxMessage(OutboxKind, new NotificationMail
            {
                NotificationKind = "termijnVerstreken",
                ToRole = "secretary",
                Subject = $"Te laat verzonden: {subject}",
                Text = $"De melding is op {Bestuur.Format(today)} verzonden; de wettelijke termijn was {deadline.Display}.",
                Proposal = MailProposal.From(context.WorkflowInput, summary: false),
            }.ToJson());
        }

        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }

    /// <summary>The fixed last day the law sets for this notification in the year it is sent, if any.</summary>
    private static Deadline? LegalDeadline(MeldingInputs inputs, DateOnly sent) =>
        inputs.UiterlijkOp is { } day
            ? DeadlineCalculator.FixedDate(Bestuur.DayOfYear(day, sent.Year, MeldingInputs.UiterlijkOpKey),
                inputs.UiterlijkRegel ?? throw new InvalidOperationException("Invoer 'uiterlijkRegel' ontbreekt bij de uiterste datum."),
                inputs.Artikel ?? throw new InvalidOperationException("Invoer 'artikel' ontbreekt bij de uiterste datum."))
            : null;

    /// <summary>
    /// The member who holds the proposal's portefeuille on the day: the one its input names, or their successor in the
    /// seat. Null, with the reason in Dutch, when the proposal names none or nobody holds the seat.
    /// </summary>
    internal static Member? HolderOf(GovernanceModel model, JsonObject input, DateOnly today, out string? reason)
    {
        reason = null;
        var id = ProposalInput.Read(input).Holder?.Member;
        if (string.IsNullOrWhiteSpace(id))
        {
            reason = "niet aan de portefeuillehouder verstuurd: het voorstel noemt geen portefeuillehouder";
            return null;
        }

        if (model.FindMember(id) is not { } member)
        {
            reason = "niet aan de portefeuillehouder verstuurd: die staat niet (meer) in het bestuursmodel";
            return null;
        }

        if (model.SeatHolder(member, today) is not { } holder)
        {
            reason = $"niet aan de portefeuillehouder verstuurd: de zetel van {member.Name} is op {Bestuur.Format(today)} niet bezet";
            return null;
        }

        return holder;
    }

    internal static List<Member> Recipients(GovernanceModel model, IReadOnlyList<string> targets, DateOnly today, Member? holder = null)
    {
        var result = new List<Member>();
        foreach (var target in targets)
        {
            IEnumerable<Member> found = target switch
            {
                "raden" => model.Bodies.Where(b => b.Kind == BodyKind.Gemeenteraad).SelectMany(b => model.MembersOf(b.Id, today)),
                "colleges" => model.Bodies.Where(b => b.Kind == BodyKind.College).SelectMany(b => model.MembersOf(b.Id, today)),
                Portefeuillehouder => holder is null ? [] : [holder],
                _ when model.FindBody(target) is { } body => model.MembersOf(body.Id, today).Where(m => m.SubstituteFor is null),
                _ when model.FindMember(target) is { } member => model.SeatHolder(member, today) is { } seated ? [seated] : [],
                _ => throw new InvalidOperationException($"Invoer 'aan': '{target}' is geen orgaan, lid, 'raden', 'colleges' of 'portefeuillehouder'."),
            };
            result.AddRange(found.Where(m => result.All(r => r.Id != m.Id)));
        }

        return result;
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = context.Inputs<MeldingInputs>();
        var deadline = LegalDeadline(inputs, context.Date);
        var late = deadline is not null && context.Date > deadline.Date ? $" (te laat: {deadline.Display})" : "";
        var holder = inputs.Aan.Contains(Portefeuillehouder) ? " (aan de portefeuillehouder)" : "";
        return new SimulatedStep(Ports.Done, context.Date, $"Melding: {inputs.Onderwerp}{holder}{late}", Deadline: deadline);
    }
}
