using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// A member's choice in a written round (an advice of a BAC member, a vote of a DB or AB member), on a seat: by the
/// member, their substitute or their successor, possibly recorded by a secretary on their behalf.
/// </summary>
/// <param name="Keuze">The choice (the stored outcome).</param>
/// <param name="Lid">The member who chose.</param>
/// <param name="Naam">Their name.</param>
/// <param name="Zetel">The seat the request was for: the member it was first sent to.</param>
/// <param name="Opvolger">The name of the seat's holder when that is not the member it was sent to (a successor).</param>
/// <param name="Plaatsvervanger">Whether a substitute chose for the holder.</param>
/// <param name="EerdereKeuze">The choice this one replaces.</param>
public sealed record StemUitgebracht(string? Keuze, string? Lid, string? Naam, string? Zetel, string? Opvolger, bool Plaatsvervanger,
    string? EerdereKeuze, JournalNamens? Namens, string? Toelichting) : GovernanceJournalEntry
{
    public const string KindName = "stem";

    public override string Kind => KindName;

    public override string? Outcome => Keuze;

    public override JsonObject ToData() => new()
    {
        ["lid"] = Lid,
        ["naam"] = Naam,
        ["zetel"] = Zetel,
        ["opvolger"] = Opvolger,
        ["plaatsvervanger"] = Plaatsvervanger,
        ["eerdereKeuze"] = EerdereKeuze,
        ["namens"] = Namens?.ToJson(),
        ["toelichting"] = Toelichting,
    };

    public static StemUitgebracht Read(StoredJournalData stored) => new(stored.Outcome, stored.Text("lid"), stored.Text("naam"), stored.Text("zetel"),
        stored.Text("opvolger"), stored.Boolean("plaatsvervanger") == true, stored.Text("eerdereKeuze"), JournalNamens.Read(stored.Data?["namens"]),
        stored.Text("toelichting"));

    public override string Sentence(JournalReading reading)
    {
        var name = Naam ?? reading.Member(Lid)?.Name ?? "Een lid";
        var seat = Zetel == Lid ? null : reading.Member(Zetel)?.Name;
        var who = name;
        if (Plaatsvervanger)
        {
            var holder = Opvolger ?? seat;
            who += holder is null ? " (plaatsvervanger)" : $", plaatsvervanger van {holder}";
        }
        else if (Opvolger is not null)
        {
            who += seat is null ? " (opvolger op de zetel)" : $", opvolger van {seat}";
        }

        return JournalWords.Sentence($"{who}: {Choice(Keuze)}",
            EerdereKeuze is null ? null : $"gewijzigd, eerder {Choice(EerdereKeuze)}",
            Namens?.Clause(name),
            Toelichting is null ? null : "toelichting: " + Toelichting);
    }

    /// <summary>"advies positief met kanttekeningen", "stem voor", "onthouding".</summary>
    internal static string Choice(string? choice) => choice switch
    {
        _ when JournalWords.IsAdvice(choice) => "advies " + JournalWords.Code(choice),
        "voor" or "tegen" => "stem " + choice,
        _ => JournalWords.Code(choice),
    };
}
