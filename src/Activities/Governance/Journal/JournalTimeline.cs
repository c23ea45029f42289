using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>One line of a proposal's timeline, in words.</summary>
/// <param name="Sequence">Its place in the instance's journal.</param>
/// <param name="At">When it happened.</param>
/// <param name="Moment">When it happened, in words ("20 januari 2027 om 14:05").</param>
/// <param name="Sentence">What happened, in a Dutch sentence.</param>
/// <param name="Step">The name of the step it is about, as the route calls it; null for the proposal as a whole.</param>
/// <param name="Actor">Who caused it, as stored (a name, an account, "systeem").</param>
/// <param name="Channel">How it came in, in words ("via de persoonlijke link").</param>
/// <param name="Technical">
/// An engine line (a step begun or finished, input received, a branch arriving): for administrators, not for the
/// timeline people read.
/// </param>
public sealed record TimelineLine(long Sequence, DateTimeOffset At, string Moment, string Sentence, string? Step, string? Actor, string Channel, bool Technical);

/// <summary>
/// Turns an instance's journal into the lines of its timeline: the governance lines by their typed entries, the
/// engine's own lines by their kind. Any stored line reads, whatever version wrote it; a kind nobody declares reads as
/// a technical line in words.
/// </summary>
public static class JournalTimeline
{
    /// <param name="governance">Names of bodies, members and meetings; null gives sentences without them.</param>
    /// <param name="stepNames">The route's step names by activity id; a step without one is not named.</param>
    public static IReadOnlyList<TimelineLine> Lines(IReadOnlyList<JournalEntry> journal, GovernanceSnapshot? governance,
        IReadOnlyDictionary<string, string>? stepNames = null)
    {
        var reading = new JournalReading(governance);
        return journal.Select(entry => Line(entry, reading, stepNames)).ToList();
    }

    public static TimelineLine Line(JournalEntry entry, JournalReading reading, IReadOnlyDictionary<string, string>? stepNames = null)
    {
        var step = entry.ActivityId is { } id && stepNames?.TryGetValue(id, out var name) == true ? name : null;
        var (sentence, technical) = GovernanceJournal.Read(entry) is { } typed
            ? (typed.Sentence(reading.For(entry.ActivityType)), false)
            : EngineLine(entry, step, reading);
        return new TimelineLine(entry.Sequence, entry.At, JournalWords.Moment(entry.At), sentence, step, PersonOf(entry), ChannelWords(entry.Channel), technical);
    }

    /// <summary>Who acted, when a person did: a deadline or the engine itself is said by the channel ("na de termijn", "automatisch").</summary>
    private static string? PersonOf(JournalEntry entry) => entry.Channel is Channel.Timer or Channel.System ? null : entry.Actor;

    /// <summary>How a line came in, in words.</summary>
    public static string ChannelWords(Channel channel) => channel switch
    {
        Channel.Link => "via de persoonlijke link",
        Channel.Page => "in AdviesRoute",
        Channel.Api => "via een koppeling",
        Channel.Timer => "na de termijn",
        _ => "automatisch",
    };

    /// <summary>The engine's lines: the proposal's start and end and a fault are for everyone; the steps' mechanics are technical.</summary>
    private static (string Sentence, bool Technical) EngineLine(JournalEntry entry, string? step, JournalReading reading)
    {
        var data = new StoredJournalData(entry.Kind, entry.Outcome, entry.Data);
        var at = step is null ? "" : " bij " + step;
        return entry.Kind switch
        {
            JournalKinds.InstanceStarted => ("Voorstel gestart", false),
            JournalKinds.InstanceFinished => ("Voorstel afgerond", false),
            JournalKinds.InstanceCancelled => (JournalWords.Sentence("Voorstel afgebroken", data.Text("reden") is { } reason ? "reden: " + reason : null), false),
            JournalKinds.IncidentCreated => ("Storing" + at + (data.Text("melding") is { } message ? ": " + JournalWords.Clause(message) : ""), false),
            JournalKinds.InputAmended => (Amended(data, reading), false),
            JournalKinds.InstanceMigrated => ("Voorstel overgezet naar een nieuwe versie van de route"
                + (data.Integer("van") is { } from && data.Integer("naar") is { } to ? $" (van versie {from} naar versie {to})" : ""), false),
            JournalKinds.ActivityStarted => ("Stap begonnen" + at, true),
            JournalKinds.ActivityCompleted => ("Stap afgerond" + at + Ports(entry.Outcome), true),
            JournalKinds.BookmarkResumed => ("Invoer ontvangen" + at + (data.Text("name") is { } bookmark ? $" ({JournalWords.SplitWords(bookmark)})" : ""), true),
            JournalKinds.TokenConsumed => ("Tak aangekomen" + at, true),
            JournalKinds.TokenCancelled => ("Tak afgebroken" + at, true),
            JournalKinds.IncidentRetried => ("Opnieuw geprobeerd" + at, true),
            JournalKinds.Note => ("Notitie" + at, true),
            _ => ("Gebeurtenis " + JournalWords.SplitWords(entry.Kind) + at + (entry.Outcome is null ? "" : ": " + JournalWords.Code(entry.Outcome)), true),
        };
    }

    /// <summary>The ports a step left by, in words; a step that simply finished says nothing more.</summary>
    private static string Ports(string? outcome)
    {
        var ports = (outcome ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p is not ("Done" or "Default")).Select(JournalWords.Code).ToList();
        return ports.Count == 0 ? "" : ": " + string.Join(", ", ports);
    }

    /// <summary>
    /// An amended proposal. The host amends the input to record an act on the proposal itself: a document added, a
    /// personal link withdrawn; the line's data says which.
    /// </summary>
    private static string Amended(StoredJournalData data, JournalReading reading) => data switch
    {
        _ when data.Text("linkIngetrokken") is { } member => JournalWords.Sentence(
            $"Persoonlijke link ingetrokken van {member}; er is een nieuwe link gestuurd", data.Text("reden") is { } reason ? "reden: " + reason : null),
        // Published on or withdrawn from the public portal (Host: Portal/Publishing): the sentence names the person.
        _ when data.Text("portaal") is { } portal => portal,
        _ when Proposals.DecisionPointChange.Read(data.Data) is { } points => points.Sentence(),
        _ when data.Text("stuk") is { } document => $"Stuk toegevoegd: {document}{(data.Boolean("vertrouwelijk") == true ? " (vertrouwelijk)" : "")}"
            + (data.Text("alleenVoor") is { } body ? $", alleen voor {reading.Body(body)?.Name ?? "één orgaan"}" : ""),
        // Meeting or in writing, changed by the secretary before the step began (Host: Proposals/Modes).
        _ when data.Text("wijzeGewijzigd") is { } step => $"{(step == "bac" ? "Advies van de BAC" : "Besluit van het dagelijks bestuur")}: voortaan "
            + (data.Text("wijze") == "schriftelijk" ? "schriftelijk" : "in een vergadering")
            + (data.Text("was") is { } was ? $" (was: {(was == "schriftelijk" ? "schriftelijk" : "in een vergadering")})" : ""),
        _ => "Voorstel aangevuld",
    };
}
