using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Activities.Governance.Answers;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// What advice (BAC) and decision (DB, AB) share: a body that acts in a meeting, where the secretary records the
/// outcome, or in writing, where every seat is asked and answers by link. Requests belong to seats, not people:
/// when a term ends while a request is open, the successor answers it, and the journal keeps who did.
/// </summary>
public abstract partial class VotingActivity(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep
{
    /// <summary>The request of a written round: each seat chooses through its personal link.</summary>
    protected static RequestDeclaration VoteRequest(string title, string invitation, string mailKind, IReadOnlyList<AnswerChoice> choices) => new(VoteBookmark, title, Answerer.Seat)
    {
        MailKind = mailKind,
        Invitation = invitation,
        ChoiceField = "keuze",
        Choices = choices,
        Fields = [new AnswerField("toelichting", "Toelichting", "De toelichting")],
        Action = "Keuze vastleggen",
        Party = payload => payload.Name is { } name ? $"zetel van {name}" : null,
        Intro = payload => payload.DeadlineText is { } deadline ? $"Termijn: {deadline}." : null,
    };

    /// <summary>The secretary records what the meeting decided, or the votes per member, or moves the item to another meeting.</summary>
    protected static RequestDeclaration MeetingRequest(IReadOnlyList<Outcome> outcomes, IReadOnlyList<AnswerChoice> votes) => new(MeetingBookmark, "Uitkomst van de vergadering", Answerer.Secretariat)
    {
        Party = payload => payload.Meeting is JsonObject meeting && meeting["datum"]?.GetValue<string>() is { } day
            && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"{meeting["orgaanNaam"]?.GetValue<string>() ?? "vergadering"} van {Bestuur.Format(date)}"
            : null,
        VotesPerMember = votes,
        Task = _ => "Uitkomst van de vergadering vastleggen",
        MayMoveToOtherMeeting = true,
        ChoiceField = "uitkomst",
        ChoiceRequired = false, // the outcome may follow from the votes
        Choices = [.. outcomes.Select(o => new AnswerChoice(o.Code, o.Label))],
        Fields = [new AnswerField("toelichting", "Toelichting", "De toelichting")],
        Action = "Uitkomst vastleggen",
    };

    public abstract StepDeclaration Declaration { get; }

    private RequestDeclaration VoteDeclaration => Declaration.Request(VoteBookmark)!;

    private RequestDeclaration MeetingDeclaration => Declaration.Request(MeetingBookmark)!;

    public string? CheckLiteral(string input, JsonNode value) => input switch
    {
        VotingInputs.OrgaanKey => Bestuur.CheckBodies(directory, value),
        VotingInputs.VergaderingKey when value is JsonValue v && v.TryGetValue<string>(out var id) && directory.Current.Calendar.Meetings.All(m => m.Id != id) =>
            $"vergadering '{id}' staat niet op de jaarkalender.",
        _ => null,
    };

    /// <summary>
    /// The rule a written round's period comes from: the body's reglement van orde, not a formal law, so the Algemene
    /// termijnenwet does not cover it; the round still ends on a working day (a member must be able to meet it), and the
    /// deadline's text names the reglement as the rule that moved it.
    /// </summary>
    public const string ReglementVanOrde = "reglement van orde";

    public const string VoteBookmark = "Stem";
    public const string DeadlineBookmark = WrittenRound.DeadlineBookmark;
    public const string MeetingBookmark = "Vergadering";
    public const string NotRecordedBookmark = "NietBehandeld";
    public const string ReminderBookmark = WrittenRound.ReminderBookmark;

    /// <summary>The journal line of an item placed on a meeting; its <c>vergadering</c> is the meeting as JSON (with <c>id</c>).</summary>
    public const string PlacedOnMeetingJournal = OpDeAgenda.KindName;

    /// <summary>The journal line of a meeting's recorded outcome; its <c>vergadering</c> is the meeting's id, its outcome the port.</summary>
    public const string MeetingOutcomeJournal = VergaderingUitkomst.KindName;

    protected IGovernanceDirectory Directory => directory;

    /// <summary>The choices a member has in writing (e.g. voor / tegen / onthouding).</summary>
    protected IReadOnlyList<string> VoteChoices => [.. VoteDeclaration.Choices.Select(c => c.Code)];

    /// <summary>The outcomes the secretary may record for a meeting.</summary>
    protected IReadOnlyList<string> MeetingOutcomes => [.. MeetingDeclaration.Choices.Select(c => c.Code)];

    /// <summary>The kind of request mail a written round sends, as its request declares it.</summary>
    protected string RequestKind => VoteDeclaration.MailKind!;

    /// <summary>The port of the expected outcome, for the simulation.</summary>
    protected abstract string FavourablePort { get; }

    /// <summary>How a member's choice counts.</summary>
    protected abstract VoteChoice Count(string choice);

    /// <summary>The port for a counted vote; null sends the matter to a meeting (a tie or no quorum in writing).</summary>
    protected abstract string? WrittenOutcome(VoteOutcome outcome, IReadOnlyList<string> choices);

    /// <summary>The port for what the secretary recorded, checked against a counted vote when one was given.</summary>
    protected abstract string MeetingOutcome(ActivityContext context, string? recorded, VoteOutcome? counted, bool fullMeeting);

    /// <summary>A check before the body may act at all (the AB and the zienswijzen); throws with the reason.</summary>
    protected virtual void EnsureMayAct(ActivityContext context)
    {
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        EnsureMayAct(context);
        var inputs = ReadInputs(context);
        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, inputs.Orgaan, VotingInputs.OrgaanKey);
        var today = Bestuur.Today(context.Now);
        var state = context.State;
        state.Remove("stemmen");
        state["orgaan"] = body.Id;
        if (inputs.Wijze == VotingInputs.Schriftelijk)
        {
            var seats = snapshot.Model.MembersOf(body.Id, today).Where(m => m.SubstituteFor is null).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
            if (seats.Count == 0)
            {
                throw new InvalidOperationException($"{body.Name} heeft op {Bestuur.Format(today)} geen leden; schriftelijke besluitvorming is niet mogelijk.");
            }

            var deadline = deadlines.PeriodAfter(today, inputs.Termijn, $"schriftelijke ronde van {DutchFormat.Duration(inputs.Termijn)}", ReglementVanOrde, atwApplies: false, movesToWorkingDay: true);
            // A round is one asking of the seats; a step entered again after rework starts a new one, so the links of
            // an earlier round no longer count.
            var written = Round(context);
            var round = written.Start();
            state["fase"] = "schriftelijk";
            state["termijn"] = Bestuur.ToJson(deadline);
            state["zetels"] = new JsonArray(seats.Select(s => (JsonNode)s.Id).ToArray());
            context.Journal(new SchriftelijkeRondeGestart(body.Id, seats.Count, deadline.Display, round));
            var parties = new List<(RoundParty, JsonObject)>();
            foreach (var seat in seats)
            {
                // A member marked absent has the request sent to their substitute, who may vote for the seat.
                parties.Add((new RoundParty(("zetel", seat.Id), body, [snapshot.Model.Addressee(seat, today)]), new RequestPayload
                {
                    Seat = seat.Id,
                    Round = round,
                    Member = seat.Id,
                    Name = seat.Name,
                    Email = seat.Email,
                    Body = body.Id,
                    Municipality = seat.Municipality,
                    Choices = VoteChoices,
                    Deadline = deadline.Display,
                }.ToJson()));
            }

            return ValueTask.FromResult(written.Open(VoteBookmark, parties, deadline, inputs.Herinneringen, inputs.MailOnderwerp, inputs.MailTekst));
        }

        var meeting = Bestuur.FindMeeting(snapshot.Calendar, inputs.Vergadering) is { } given && given.Body == body.Id
            ? given
            : Bestuur.NextMeeting(snapshot.Calendar, body.Id, today)
                ?? throw new InvalidOperationException($"Er staat geen vergadering van {body.Name} op de jaarkalender; agendeer het voorstel of vul de kalender aan.");
        return ValueTask.FromResult(ToMeeting(context, inputs, body, meeting));
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        if (resume.BookmarkName == MeetingBookmark)
        {
            await EnsureQuorumAsync(context, resume);
        }

        return Resume(context, resume);
    }

    private ActivityResult Resume(ActivityContext context, ResumeArgs resume) => resume.BookmarkName switch
    {
        VoteBookmark => RecordVote(context, resume),
        DeadlineBookmark => DeadlinePassed(context),
        MeetingBookmark => RecordMeeting(context, resume),
        NotRecordedBookmark => NotRecorded(context),
        ReminderBookmark => Remind(context),
        _ => throw new InvalidOperationException($"Onbekende bladwijzer '{resume.BookmarkName}'."),
    };

    private ActivityResult RecordVote(ActivityContext context, ResumeArgs resume)
    {
        EnsureMayAct(context);
        var model = directory.Current.Model;
        var today = Bestuur.Today(context.Now);
        var answer = VoteDeclaration.Check(resume.Input, context.Trigger.Channel);
        var seatId = RequestPayload.Read(resume.Payload).Seat ?? throw new InvalidOperationException("De stem-bladwijzer noemt geen zetel.");
        var seat = model.FindMember(seatId) ?? throw new ResumeRejectedException($"Lid {seatId} bestaat niet meer in het bestuursmodel.");
        var holder = model.SeatHolder(seat, today);
        var actorId = answer.MemberId ?? holder?.Id
            ?? throw new ResumeRejectedException($"De zetel van {seat.Name} is op {Bestuur.Format(today)} niet bezet; geef aan wie kiest ('lid').");
        var actor = model.FindMember(actorId) ?? throw new ResumeRejectedException($"Lid '{actorId}' is onbekend.");
        var check = SeatRule.ForSeat(model, seat, actor, today);
        if (!check.Allowed)
        {
            throw new ResumeRejectedException(check.Refusal!);
        }

        var choice = answer.Choice!;
        var onBehalf = answer.OnBehalf;
        var votes = context.State["stemmen"] as JsonObject ?? [];
        context.State["stemmen"] = votes;
        var changed = votes[seat.Id]?["keuze"]?.GetValue<string>();
        votes[seat.Id] = new JsonObject
        {
            ["lid"] = actor.Id,
            ["naam"] = actor.Name,
            ["namens"] = actor.Id == seat.Id ? null : holder!.Name,
            ["keuze"] = choice,
            ["toelichting"] = answer.Text("toelichting"),
            ["op"] = context.Now,
        };
        context.Journal(new StemUitgebracht(
            Keuze: choice,
            Lid: actor.Id,
            Naam: actor.Name,
            Zetel: seat.Id,
            Opvolger: holder!.Id != seat.Id ? holder.Name : null,
            Plaatsvervanger: actor.SubstituteFor is not null,
            EerdereKeuze: changed,
            Namens: onBehalf is null ? null : new JournalNamens(context.Trigger.Actor, onBehalf),
            Toelichting: answer.Text("toelichting")));

        var seats = context.State["zetels"]!.AsArray().Count;
        var inputs = ReadInputs(context);
        if (votes.Count >= seats || (inputs.VroegBesluiten && OutcomeIsCertain(context, inputs)))
        {
            return DecideInWriting(context, inputs, deadlinePassed: false);
        }

        // The round stays open: the seat may still change its choice through the same link (the journal keeps both).
        return WrittenRound.KeepOpen(resume);
    }

    /// <summary>
    /// Whether the votes cast so far decide the round whatever the others do: the same result when every remaining
    /// seat votes for, against, abstains or does not vote. A majority reached early closes the round at once.
    /// </summary>
    private bool OutcomeIsCertain(ActivityContext context, VotingInputs inputs)
    {
        var votes = (context.State["stemmen"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => Count(kv.Value!["keuze"]!.GetValue<string>()));
        var remaining = context.State["zetels"]!.AsArray().Select(s => s!.GetValue<string>()).Where(id => !votes.ContainsKey(id)).ToList();
        var results = new VoteChoice?[] { VoteChoice.Voor, VoteChoice.Tegen, VoteChoice.Onthouding, null }
            .Select(rest => Tally(context, inputs, remaining.Aggregate(new Dictionary<string, VoteChoice>(votes), (all, seat) =>
            {
                if (rest is { } choice)
                {
                    all[seat] = choice;
                }

                return all;
            })).Result)
            .Distinct()
            .ToList();
        return results is [VoteResult.Aangenomen] or [VoteResult.Verworpen];
    }

    private VoteOutcome Tally(ActivityContext context, VotingInputs inputs, IReadOnlyDictionary<string, VoteChoice> votes)
    {
        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var seats = context.State["zetels"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var voters = seats.Select(id => snapshot.Model.FindMember(id)).OfType<Member>()
            .Select(m => new Voter(m.Id, m.Municipality ?? m.Id, m.Weight)).ToList();
        return VoteCount.Count(voters, votes.Where(v => voters.Any(x => x.MemberId == v.Key)).Select(v => new CastVote(v.Key, v.Value)).ToList(),
            Rules(inputs, body));
    }

    /// <summary>The written round's deadline passed: the step's expiry outcome decides what happens to the silent seats.</summary>
    private ActivityResult DeadlinePassed(ActivityContext context)
    {
        var inputs = ReadInputs(context);
        var mode = inputs.BijVerlopen;
        if (mode == VotingInputs.GeenAntwoord)
        {
            return DecideInWriting(context, inputs, deadlinePassed: true);
        }

        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var today = Bestuur.Today(context.Now);
        var votes = context.State["stemmen"] as JsonObject ?? [];
        var silent = context.State["zetels"]!.AsArray().Select(s => s!.GetValue<string>()).Where(id => !votes.ContainsKey(id))
            .Select(id => snapshot.Model.FindMember(id)).OfType<Member>().Select(m => snapshot.Model.SeatHolder(m, today) ?? m).ToList();
        var title = ProposalInput.Read(context.WorkflowInput).TitleOrUntitled;
        var names = silent.Count == 0 ? "niemand" : string.Join(", ", silent.Select(m => m.Name));
        var chair = snapshot.Model.MembersOf(body.Id, today).Where(m => m.Role == MemberRole.Voorzitter).ToList();
        context.AddOutboxMessage(MeldingActivity.OutboxKind, new NotificationMail
        {
            NotificationKind = "termijnVerstreken",
            To = chair.Select(MailRecipient.Of).ToList(),
            ToRole = "secretary",
            Subject = $"Termijn verstreken: {title} ({body.Name})",
            Text = $"De schriftelijke ronde van {body.Name} over \"{title}\" is verlopen ({context.State["termijn"]?["tekst"]}). Nog niet gekozen: {names}."
                + (mode == VotingInputs.Achterstallig ? " Het voorstel staat als achterstallig gemarkeerd; de ronde blijft open." : " De uitgebrachte stemmen worden nu geteld."),
            Proposal = new MailProposal(title),
        }.ToJson());
        context.Journal(new TermijnVerstreken.RondeOpen(mode, names));
        if (mode == VotingInputs.Escaleren)
        {
            return DecideInWriting(context, inputs, deadlinePassed: true);
        }

        // Overdue: the round stays open for the silent seats; the proposal is marked so lists and the secretary see it.
        context.SetVariable("achterstallig", new JsonObject { ["stap"] = context.ActivityId, ["sinds"] = context.Now, ["nietGekozen"] = names });
        return ActivityResult.Wait();
    }

    /// <summary>A reminder to every seat that has not chosen yet; none is sent once the round has closed.</summary>
    private ActivityResult Remind(ActivityContext context)
    {
        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var today = Bestuur.Today(context.Now);
        var votes = context.State["stemmen"] as JsonObject ?? [];
        var silent = new List<RoundParty>();
        foreach (var seatId in context.State["zetels"]!.AsArray().Select(s => s!.GetValue<string>()).Where(id => !votes.ContainsKey(id)))
        {
            if (snapshot.Model.FindMember(seatId) is { } seat && snapshot.Model.SeatHolder(seat, today) is { } holder)
            {
                silent.Add(new RoundParty(("zetel", seatId), body, [snapshot.Model.Addressee(holder, today)]));
            }
        }

        return Round(context).Remind(silent, Bestuur.DeadlineOf(context.State["termijn"]!.AsObject()));
    }

    /// <summary>The written round of this step: its request mails, deadline and reminders.</summary>
    private WrittenRound Round(ActivityContext context) => new(context, calendar, RequestKind, VoteChoices);

    private ActivityResult DecideInWriting(ActivityContext context, VotingInputs inputs, bool deadlinePassed)
    {
        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var today = Bestuur.Today(context.Now);
        var votes = (context.State["stemmen"] as JsonObject ?? []).Select(kv => (Seat: kv.Key, Choice: kv.Value!["keuze"]!.GetValue<string>())).ToList();
        var outcome = Tally(context, inputs, votes.ToDictionary(v => v.Seat, v => Count(v.Choice)));
        context.Journal(new UitslagVastgesteld(outcome.Result, outcome.Explanation, TermijnVerstreken: deadlinePassed));
        if (WrittenOutcome(outcome, votes.Select(v => v.Choice).ToList()) is { } port)
        {
            context.State["uitslag"] = outcome.Explanation;
            return ActivityResult.Complete(port);
        }

        var meeting = Bestuur.NextMeetingOfItem(snapshot.Calendar, body.Id, today);
        context.Journal(new NaarVergadering($"Schriftelijk geen besluit ({outcome.Explanation}); het voorstel gaat naar de vergadering."));
        if (meeting is null)
        {
            return ActivityResult.WaitInstead(new BookmarkRequest(MeetingBookmark, new RequestPayload { Body = body.Id }.ToJson()));
        }

        return ToMeeting(context, inputs, body, meeting, moved: true);
    }

    private ActivityResult ToMeeting(ActivityContext context, VotingInputs inputs, Body body, Meeting meeting, bool moved = false)
    {
        var json = Bestuur.ToJson(meeting, body);
        context.State["fase"] = "vergadering";
        context.State["vergadering"] = json.DeepClone();
        if (moved && !context.HasInput(VotingInputs.VergaderingKey) && context.GetVariable("vergadering") is JsonObject scheduled)
        {
            // The meeting came from the default variable (Agenderen's): keep it current when the item moves on.
            json["agendadeel"] = scheduled["agendadeel"]?.DeepClone();
            context.SetVariable("vergadering", json);
        }

        var lastDay = calendar.AddWorkingDays(meeting.Date, Math.Max(0, inputs.RegistratieTermijn));
        context.Journal(new OpDeAgenda(JournalMeeting.Read(json)));
        return ActivityResult.WaitInstead(
            new BookmarkRequest(MeetingBookmark, new RequestPayload { Body = body.Id, Meeting = json, Outcomes = MeetingOutcomes }.ToJson()),
            new BookmarkRequest(NotRecordedBookmark, new RequestPayload { Meeting = meeting.Id }.ToJson(), DeadlineCalculator.EndOfDay(lastDay)));
    }

    private ActivityResult RecordMeeting(ActivityContext context, ResumeArgs resume)
    {
        EnsureMayAct(context);
        var snapshot = directory.Current;
        var inputs = ReadInputs(context);
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var meetingAnswer = MeetingAnswer.Read(resume.Input);
        if (meetingAnswer.MoveTo is { } target)
        {
            return Reschedule(context, meetingAnswer, inputs, body, target);
        }

        var answer = MeetingDeclaration.Check(resume.Input, context.Trigger.Channel);
        var recorded = answer.Choice;
        if (MeetingDay(context) is { } meetingDay && Bestuur.Today(context.Now) < meetingDay)
        {
            // A decision outside a meeting is a written round (schriftelijke besluitvorming), never an outcome recorded before the meeting.
            throw new ResumeRejectedException($"De vergadering van {Bestuur.Format(meetingDay)} is nog niet geweest: de uitkomst kan pas op of na die dag worden vastgelegd. Een besluit buiten een vergadering neemt het orgaan schriftelijk.");
        }

        VoteOutcome? counted = null;
        var full = false;
        if (meetingAnswer.Votes is { } list)
        {
            var day = context.State["vergadering"]?["datum"]?.GetValue<string>() is { } d
                ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Bestuur.Today(context.Now);
            var present = snapshot.Model.MembersOf(body.Id, day).ToList();
            var voters = present.Select(m => new Voter(m.Id, m.Municipality ?? m.Id, m.Weight, m.SubstituteFor)).ToList();
            var votes = new List<CastVote>();
            foreach (var item in list)
            {
                var id = item.Member;
                if (id is null || voters.All(v => v.MemberId != id))
                {
                    throw new ResumeRejectedException($"'{id}' is op {Bestuur.Format(day)} geen lid van {body.Name}.");
                }

                if (votes.Any(v => v.MemberId == id))
                {
                    throw new ResumeRejectedException($"Lid {id} staat twee keer in de stemmen.");
                }

                var vote = item.Choice;
                if (vote is null || !VoteChoices.Contains(vote))
                {
                    throw new ResumeRejectedException($"De stem van {snapshot.Model.FindMember(id)?.Name ?? id} is geen {DutchFormat.Alternatives(VoteDeclaration.Choices.Select(x => x.Label.ToLowerInvariant()))}.");
                }

                votes.Add(new CastVote(id, Count(vote)));
            }

            counted = VoteCount.Count(voters, votes, Rules(inputs, body));
            var seatsTaken = votes.Select(v => voters.First(x => x.MemberId == v.MemberId)).Select(v => v.SubstituteFor ?? v.MemberId).Distinct().Count();
            full = seatsTaken == voters.Count(v => v.SubstituteFor is null);
        }
        else if (recorded is null)
        {
            throw new ResumeRejectedException($"Kies de uitkomst van de vergadering ({DutchFormat.Alternatives(MeetingDeclaration.Choices.Select(c => c.Label.ToLowerInvariant()))}) of leg de stemmen per lid vast.");
        }

        var port = MeetingOutcome(context, recorded, counted, full);
        var amended = MeetingAmendment.Check(context.WorkflowInput, port, meetingAnswer.AmendedPoints);
        context.State["uitslag"] = counted?.Explanation;
        context.Journal(new VergaderingUitkomst(port, context.State["vergadering"]?["id"]?.GetValue<string>(), counted?.Explanation,
            answer.Text("toelichting"), amended));
        MeetingAmendment.Apply(context.WorkflowInput, amended);
        return ActivityResult.Complete(port);
    }

    /// <summary>
    /// The secretary moves the item to another meeting of the same body (a later one, or an extra meeting put on the
    /// calendar), with a reason; the agenda of both meetings follows from the new bookmark.
    /// </summary>
    private ActivityResult Reschedule(ActivityContext context, MeetingAnswer answer, VotingInputs inputs, Body body, string target)
    {
        var snapshot = directory.Current;
        var today = Bestuur.Today(context.Now);
        var meeting = snapshot.Calendar.Meetings.FirstOrDefault(m => m.Id == target)
            ?? throw new ResumeRejectedException($"Vergadering '{target}' staat niet op de jaarkalender.");
        if (meeting.Body != body.Id)
        {
            throw new ResumeRejectedException($"De vergadering van {Bestuur.Format(meeting.Date)} is geen vergadering van {body.Name}.");
        }

        if (meeting.Date < today)
        {
            throw new ResumeRejectedException($"De vergadering van {Bestuur.Format(meeting.Date)} is al geweest; kies een vergadering vanaf vandaag.");
        }

        var current = context.State["vergadering"]?["id"]?.GetValue<string>();
        if (current == meeting.Id)
        {
            throw new ResumeRejectedException($"Het voorstel staat al op de vergadering van {Bestuur.Format(meeting.Date)}.");
        }

        var reason = answer.Reason
            ?? throw new ResumeRejectedException("Geef een reden om het voorstel naar een andere vergadering te verplaatsen ('toelichting').");
        context.Journal(new Verplaatst(current, meeting.Id, meeting.Date, reason,
            // Stukken that reach the members after the documents deadline: the secretary decided so, the journal says it.
            NaStukkentermijn: meeting.DocumentsDeadline.Date < today));
        return ToMeeting(context, inputs, body, meeting, moved: true);
    }

    /// <summary>The meeting went by and nobody recorded an outcome: the item is not lost, it moves to the next meeting.</summary>
    private ActivityResult NotRecorded(ActivityContext context)
    {
        var snapshot = directory.Current;
        var body = Bestuur.RequireBody(snapshot.Model, context.State["orgaan"]!.GetValue<string>(), "orgaan");
        var previous = context.State["vergadering"]?["datum"]?.GetValue<string>();
        var after = previous is null ? (DateOnly?)null : DateOnly.ParseExact(previous, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = Bestuur.NextMeetingOfItem(snapshot.Calendar, body.Id, Bestuur.Today(context.Now), after);
        context.Journal(new NietBehandeld(
            $"Voor de vergadering van {body.Name} van {(after is { } day ? Bestuur.Format(day) : "onbekende datum")} is geen uitkomst vastgelegd; het voorstel schuift door naar de volgende vergadering.",
            next?.Id));
        if (next is null)
        {
            context.State.Remove("vergadering");
            return ActivityResult.WaitInstead(new BookmarkRequest(MeetingBookmark, new RequestPayload { Body = body.Id }.ToJson()));
        }

        return ToMeeting(context, ReadInputs(context), body, next, moved: true);
    }

    /// <summary>The day of the meeting the item is on, as the step keeps it; null when it has none.</summary>
    private static DateOnly? MeetingDay(ActivityContext context) =>
        context.State["vergadering"]?["datum"]?.GetValue<string>() is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static VoteRules Rules(VotingInputs inputs, Body body) => new(
        body.VoteCounting,
        QuorumFraction: Math.Clamp(inputs.Quorum, 0, 100) / 100m,
        Weighted: body.Weighted,
        Majority: inputs.Meerderheid switch
        {
            VotingInputs.Deelnemers => Majority.Participating,
            VotingInputs.TweeDerde => Majority.TwoThirds,
            VotingInputs.Unaniem => Majority.Unanimous,
            VotingInputs.EenIemand => Majority.Any,
            _ => Majority.VotesCast,
        });

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = ReadInputs(context);
        var body = Bestuur.RequireBody(context.Governance.Model, inputs.Orgaan, VotingInputs.OrgaanKey);
        if (inputs.Wijze == VotingInputs.Schriftelijk)
        {
            var deadline = context.Deadlines.PeriodAfter(context.Date, inputs.Termijn, $"schriftelijke ronde van {DutchFormat.Duration(inputs.Termijn)}", ReglementVanOrde, atwApplies: false, movesToWorkingDay: true);
            return new SimulatedStep(FavourablePort, deadline.Date, $"{body.Name}: schriftelijk, {deadline.Display}", Deadline: deadline, IsDecision: IsDecision);
        }

        var meeting = Bestuur.FindMeeting(context.Governance.Calendar, inputs.Vergadering) is { } given && given.Body == body.Id && given.Date >= context.Date
            ? given
            : Bestuur.NextMeeting(context.Governance.Calendar, body.Id, context.Date)
                ?? throw new SimulationException($"Er staat na {Bestuur.Format(context.Date)} geen vergadering van {body.Name} meer op de jaarkalender.");
        return new SimulatedStep(FavourablePort, meeting.Date, $"{body.Name} in de vergadering van {Bestuur.Format(meeting.Date)}: {Verb}", meeting, IsDecision: IsDecision);
    }

    /// <summary>The node's inputs, read into the step's input record.</summary>
    protected abstract VotingInputs ReadInputs(ActivityContext context);

    /// <summary>The node's inputs in a simulation, read by the same reader.</summary>
    protected abstract VotingInputs ReadInputs(SimulationContext context);

    /// <summary>Whether the step is a decision (the simulation's result is the last decision on the route).</summary>
    protected abstract bool IsDecision { get; }

    /// <summary>What the body does, for the route overview ("advies", "besluit").</summary>
    protected abstract string Verb { get; }
}

/// <summary>A vote whose inputs are <typeparamref name="TInputs"/>: the registry describes them, the step reads them.</summary>
public abstract class VotingActivity<TInputs>(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar)
    : VotingActivity(directory, deadlines, calendar), IHasInputs<TInputs>
    where TInputs : VotingInputs, new()
{
    protected sealed override VotingInputs ReadInputs(ActivityContext context) => context.Inputs<TInputs>();

    protected sealed override VotingInputs ReadInputs(SimulationContext context) => context.Inputs<TInputs>();
}
