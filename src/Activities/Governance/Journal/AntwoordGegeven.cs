using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// The answer of a body in a round of the municipalities: a council's zienswijze, a college's instemming or bedenkingen;
/// possibly recorded by a secretary on the body's behalf (<see cref="Namens"/>, stored only when given).
/// </summary>
/// <param name="Antwoord">The answer (the stored outcome).</param>
/// <param name="Orgaan">The body that answered.</param>
/// <param name="Naam">Its name.</param>
/// <param name="Door">The person who gave the answer.</param>
/// <param name="EerderAntwoord">The answer this one replaces.</param>
public sealed record AntwoordGegeven(string? Antwoord, string? Orgaan, string? Naam, string? Door, string? EerderAntwoord, JournalNamens? Namens = null)
    : GovernanceJournalEntry
{
    public const string KindName = "antwoord";

    public override string Kind => KindName;

    public override string? Outcome => Antwoord;

    public override JsonObject ToData()
    {
        var data = new JsonObject
        {
            ["orgaan"] = Orgaan,
            ["naam"] = Naam,
            ["door"] = Door,
            ["eerderAntwoord"] = EerderAntwoord,
        };
        if (Namens is not null)
        {
            data["namens"] = Namens.ToJson();
        }

        return data;
    }

    public static AntwoordGegeven Read(StoredJournalData stored) => new(stored.Outcome, stored.Text("orgaan"), stored.Text("naam"), stored.Text("door"),
        stored.Text("eerderAntwoord"), JournalNamens.Read(stored.Data?["namens"]));

    public override string Sentence(JournalReading reading)
    {
        var body = reading.BodyName(Orgaan, Naam, "Een orgaan");
        var forWhom = reading.Body(Orgaan) is not null ? reading.OnBehalfOfBody(Orgaan, Naam) : Answer(Antwoord).ForWhom ?? body;
        return JournalWords.Sentence($"{body}: {Answer(Antwoord).Words}",
            Namens is not null ? Namens.Clause(forWhom) : Door is null ? null : "doorgegeven door " + Door,
            EerderAntwoord is null ? null : "gewijzigd, eerder " + Answer(EerderAntwoord).Words);
    }

    /// <summary>An answer in words, and on whose behalf such an answer is given when the body is not known.</summary>
    private static (string Words, string? ForWhom) Answer(string? answer) => answer switch
    {
        _ when JournalWords.IsAdvice(answer) => ("zienswijze " + JournalWords.Code(answer), "de raad"),
        "geenZienswijze" => ("geen zienswijze", "de raad"),
        "instemming" => ("stemt in", "het college"),
        "bedenkingen" => ("heeft bedenkingen", "het college"),
        _ => (JournalWords.Code(answer), null),
    };
}
