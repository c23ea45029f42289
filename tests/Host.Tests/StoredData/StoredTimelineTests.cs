using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// The journals stored by the previous version read on the proposal's page as sentences: one line for each thing a
/// person or the proposal did, with choices, outcomes and days in words, and no code. Nothing here changes the data.
/// </summary>
public sealed partial class StoredTimelineTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    /// <summary>The engine's own lines, which the timeline leaves to the technical details.</summary>
    private static readonly string[] EngineLines = ["ActivityStarted", "ActivityCompleted", "BookmarkResumed", "TokenConsumed", "TokenCancelled", "IncidentRetried"];

    [Fact]
    public async Task The_timeline_of_every_stored_proposal_reads_as_sentences_without_codes()
    {
        using var admin = host.Anonymous();
        await SignInAsync(admin, StoredDataHost.Fixture.AdminEmail, StoredDataHost.Fixture.AdminPassword);
        var sentences = new Dictionary<string, IReadOnlyList<string>>();

        foreach (var stored in StoredDataHost.Fixture.Proposals)
        {
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Voorstellen/{stored.Id}"));
            // The timeline's lists: the earlier lines folded away (on a long timeline) and the latest in view.
            var section = page[page.IndexOf("<h2>Tijdlijn</h2>", StringComparison.Ordinal)..];
            var technical = section.IndexOf("<details class=\"technical\">", StringComparison.Ordinal);
            section = technical > 0 ? section[..technical] : section;
            var timeline = string.Concat(Regex.Matches(section, "<ol class=\"timeline\"[^>]*>(?<list>.*?)</ol>", RegexOptions.Singleline).Select(m => m.Groups["list"].Value));
            var lines = LinePattern().Matches(timeline).Select(m => m.Groups["sentence"].Value.Trim()).ToList();

            lines.Should().HaveCount(stored.Journal.Count(j => !EngineLines.Contains(j.Kind)), $"one sentence for each line of {stored.Role} that is not the engine's own");
            foreach (var line in lines)
            {
                CodePattern().Matches(line).Select(m => m.Value).Should().BeEmpty($"\"{line}\" ({stored.Role}) reads without codes or ISO dates");
            }

            Regex.Replace(timeline, "<[^>]+>", " ").Should().NotContainAny(["Page", "Link", "Api", "Done", "Default"]);
            sentences[stored.Role] = lines;
        }

        sentences[StoredRoles.Zienswijzen].Should().Contain([
            "Zienswijze gevraagd aan 12 gemeenteraden; uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)",
            "Gemeenteraad Assen: zienswijze positief met kanttekeningen; doorgegeven door Bianca Visser",
            "Gemeenteraad Emmen: geen zienswijze; doorgegeven door Koen Venema",
            "Gemeenteraad Tynaarlo: zienswijze negatief; doorgegeven door Mirjam Dijkstra",
        ]);
        sentences[StoredRoles.WrittenAdvice].Should().Contain([
            "Schriftelijke ronde van BAC Publieke Gezondheid gestart: 12 leden gevraagd; uiterlijk 15 februari 2027 (reglement van orde: schriftelijke ronde van 3 weken)",
            "Anneke Bakker: advies positief",
            "Arjen Huisman: advies positief met kanttekeningen; toelichting: Graag aandacht voor ouderen in de kleine kernen",
        ]);
        sentences[StoredRoles.HeldOver].Should().Contain("Dagelijks bestuur in de vergadering van 20 januari 2027: aangehouden; toelichting: Eerst de tarieven van de buurregio's vergelijken");
        sentences[StoredRoles.Preparation].Should().Equal(
            "Voorstel gestart",
            "Ambtelijke voorbereiding: het voorstel moet worden herzien; toelichting: De visie eerst afstemmen met de GGD-regio's in het noorden");
        sentences[StoredRoles.Cancelled].Should().Equal("Voorstel gestart", "Voorstel afgebroken; reden: Ingetrokken: de regeling gaat op in de sportregeling van de provincie");
        sentences[StoredRoles.Finished].Should().Contain([
            "Geagendeerd voor de vergadering van Dagelijks bestuur op 18 november 2026; stukken uiterlijk 4 november 2026 (reglement van orde: stukken 10 werkdagen vóór de vergadering)",
            "Op de agenda van de vergadering van Dagelijks bestuur op 18 november 2026 om 10:00 in Kantoor SamenDrenthe, Assen",
            "Dagelijks bestuur in de vergadering van 18 november 2026: vastgesteld; toelichting: Zonder wijzigingen door naar het algemeen bestuur",
            "Melding verstuurd aan 24 ontvangers: Besluit algemeen bestuur: Achtmaandsrapportage 2026",
            "Voorstel afgerond",
        ]);
    }

    [GeneratedRegex("<li>\\s*<strong>(?<sentence>.*?)</strong>", RegexOptions.Singleline)]
    private static partial Regex LinePattern();

    /// <summary>A camelCase code, an ISO date or an ISO duration.</summary>
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\bP\d+[YMWD]\b")]
    private static partial Regex CodePattern();
}
