using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>Every kind of journal line the governance activities write, and how a stored line of each reads back.</summary>
public static class GovernanceJournal
{
    private static readonly Dictionary<string, Func<StoredJournalData, GovernanceJournalEntry>> Readers = new(StringComparer.Ordinal)
    {
        [AntwoordGegeven.KindName] = AntwoordGegeven.Read,
        [Geagendeerd.KindName] = Geagendeerd.Read,
        [GeenVergadering.KindName] = GeenVergadering.Read,
        [HerinneringVerstuurd.KindName] = HerinneringVerstuurd.Read,
        [MeldingVerstuurd.KindName] = MeldingVerstuurd.Read,
        [NaarVergadering.KindName] = NaarVergadering.Read,
        [NazorgGereed.KindName] = NazorgGereed.Read,
        [NazorgGestart.KindName] = NazorgGestart.Read,
        [NietBehandeld.KindName] = NietBehandeld.Read,
        [OpDeAgenda.KindName] = OpDeAgenda.Read,
        [ReactieOpZienswijze.KindName] = ReactieOpZienswijze.Read,
        [ReactiesVerzonden.KindName] = ReactiesVerzonden.Read,
        [RondeGestart.KindName] = RondeGestart.Read,
        [SchriftelijkeRondeGestart.KindName] = SchriftelijkeRondeGestart.Read,
        [StemUitgebracht.KindName] = StemUitgebracht.Read,
        [TermijnOverschreden.KindName] = TermijnOverschreden.Read,
        [TermijnVerstreken.KindName] = TermijnVerstreken.Read,
        [TerugkoppelingGesloten.KindName] = TerugkoppelingGesloten.Read,
        [UitslagVastgesteld.KindName] = UitslagVastgesteld.Read,
        [VergaderingOvergeslagen.KindName] = VergaderingOvergeslagen.Read,
        [VergaderingUitkomst.KindName] = VergaderingUitkomst.Read,
        [Verplaatst.KindName] = Verplaatst.Read,
        [VoorbereidingAfgerond.KindName] = VoorbereidingAfgerond.Read,
        [ZienswijzenOntvangen.KindName] = ZienswijzenOntvangen.Read,
    };

    /// <summary>The kinds the governance activities write.</summary>
    public static IReadOnlyCollection<string> Kinds => Readers.Keys;

    /// <summary>A stored line as its typed entry; null when its kind is not a governance kind (an engine line, or unknown).</summary>
    public static GovernanceJournalEntry? Read(string kind, string? outcome, JsonObject? data) =>
        Readers.TryGetValue(kind, out var read) ? read(new StoredJournalData(kind, outcome, data)) : null;

    public static GovernanceJournalEntry? Read(JournalEntry entry) => Read(entry.Kind, entry.Outcome, entry.Data);

    /// <summary>A stored line of kind <typeparamref name="T"/> as that type; null when it is of another kind.</summary>
    public static T? Read<T>(JournalEntry entry) where T : GovernanceJournalEntry => Read(entry) as T;
}
