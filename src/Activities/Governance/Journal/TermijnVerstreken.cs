using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// A deadline passed. Three steps write this kind, each with its own data, so it has three forms: a body in a round of
/// the municipalities that did not answer (<see cref="ZonderAntwoord"/>), a written round with seats that did not choose
/// (<see cref="RondeOpen"/>), and a follow-up task still open (<see cref="NazorgOpen"/>). A stored line is read by the
/// property its form has.
/// </summary>
public abstract record TermijnVerstreken : GovernanceJournalEntry
{
    public const string KindName = "termijnVerstreken";

    public override string Kind => KindName;

    public static TermijnVerstreken Read(StoredJournalData stored) => stored switch
    {
        _ when stored.Has("orgaan") => new ZonderAntwoord(stored.Outcome, stored.Text("orgaan"), stored.Text("naam")),
        _ when stored.Has("nietGekozen") => new RondeOpen(stored.Outcome, stored.Text("nietGekozen")),
        _ => new NazorgOpen(stored.Text("taak"), stored.Text("termijn")),
    };

    /// <summary>A body did not answer by the deadline; its answer is recorded as <see cref="Gevolg"/> (geen zienswijze, geen reactie).</summary>
    public sealed record ZonderAntwoord(string? Gevolg, string? Orgaan, string? Naam) : TermijnVerstreken
    {
        public override string? Outcome => Gevolg;

        public override JsonObject ToData() => new()
        {
            ["orgaan"] = Orgaan,
            ["naam"] = Naam,
        };

        public override string Sentence(JournalReading reading) =>
            $"{reading.BodyName(Orgaan, Naam, "Een orgaan")}: geen antwoord voor het einde van de termijn, vastgelegd als {JournalWords.Code(Gevolg)}";
    }

    /// <summary>
    /// A written round's deadline passed with seats that had not chosen (<see cref="NietGekozen"/>, their names); what
    /// follows is <see cref="Gevolg"/>: escaleren (told to the chair, the votes are counted) or achterstallig (the round stays open).
    /// </summary>
    public sealed record RondeOpen(string? Gevolg, string? NietGekozen) : TermijnVerstreken
    {
        public override string? Outcome => Gevolg;

        public override JsonObject ToData() => new() { ["nietGekozen"] = NietGekozen };

        public override string Sentence(JournalReading reading) => JournalWords.Sentence(
            "Termijn van de schriftelijke ronde verstreken" + (NietGekozen is null ? "" : "; nog niet gekozen: " + NietGekozen),
            Gevolg switch
            {
                "escaleren" => "gemeld aan de voorzitter en het secretariaat; de uitgebrachte stemmen worden geteld",
                "achterstallig" => "de ronde blijft open en het voorstel staat als achterstallig gemarkeerd",
                null => null,
                _ => "gevolg: " + JournalWords.Code(Gevolg),
            });
    }

    /// <summary>A follow-up task (<see cref="Taak"/>) was not done by its deadline (<see cref="Termijn"/>, as shown); it stays open.</summary>
    public sealed record NazorgOpen(string? Taak, string? Termijn) : TermijnVerstreken
    {
        public override JsonObject ToData() => new()
        {
            ["taak"] = Taak,
            ["termijn"] = Termijn,
        };

        public override string Sentence(JournalReading reading) => JournalWords.Sentence(
            "Termijn verstreken, de nazorgtaak is nog niet gereed" + (Taak is null ? "" : ": " + Taak),
            Termijn is null ? null : "de termijn was " + Termijn);
    }
}
