using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// One kind of line a governance activity writes in an instance's journal, declared once: its kind, its outcome and
/// data as stored (the stored shape never changes, so lines written by earlier versions still read), and the Dutch
/// sentence a person reads on the timeline. Each kind reads itself back from a stored line with a static <c>Read</c>,
/// listed in <see cref="GovernanceJournal"/>.
/// </summary>
public abstract record GovernanceJournalEntry
{
    /// <summary>The stored kind, e.g. <c>stem</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The stored outcome: a choice, an answer or the port the step left by; null when the kind has none.</summary>
    public virtual string? Outcome => null;

    /// <summary>The stored data, with the property names and meanings the kind has always had.</summary>
    public abstract JsonObject ToData();

    /// <summary>What happened, in a Dutch sentence that names who acted and for whom, without codes or ISO dates.</summary>
    public abstract string Sentence(JournalReading reading);
}

/// <summary>How an activity writes a typed journal line: <c>context.Journal(new StemUitgebracht(...))</c>.</summary>
public static class GovernanceJournalWriting
{
    public static void Journal(this ActivityContext context, GovernanceJournalEntry entry) =>
        context.Journal(entry.Kind, entry.Outcome, entry.ToData());
}

/// <summary>
/// "Namens": a choice or an answer that a secretary recorded on someone's behalf (given by phone, by mail, in person),
/// with who recorded it and why. Stored as <c>namens: { vastgelegdDoor, reden }</c>.
/// </summary>
public sealed record JournalNamens(string? VastgelegdDoor, string? Reden)
{
    public JsonObject ToJson() => new() { ["vastgelegdDoor"] = VastgelegdDoor, ["reden"] = Reden };

    public static JournalNamens? Read(JsonNode? node) => node is JsonObject o
        ? new JournalNamens(StoredJournalData.Text(o, "vastgelegdDoor"), StoredJournalData.Text(o, "reden"))
        : null;

    /// <summary>"vastgelegd door J. de Vries namens de raad, reden: per mail ontvangen".</summary>
    public string Clause(string forWhom) =>
        $"vastgelegd{(VastgelegdDoor is null ? "" : " door " + VastgelegdDoor)} namens {forWhom}{(Reden is null ? "" : ", reden: " + JournalWords.Clause(Reden))}";
}
