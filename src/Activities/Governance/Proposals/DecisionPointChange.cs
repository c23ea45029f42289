using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Journal;

namespace AdviesRoute.Activities.Governance.Proposals;

/// <summary>
/// A change of a proposal's beslispunten by the secretary before the DB decided, as the journal keeps it: the line of the
/// changed input (<c>InputAmended</c>) carries <c>beslispunten: { van: […], naar: […] }</c>, both lists whole, so the
/// timeline can say what changed and nothing of the earlier text is lost.
/// </summary>
public sealed record DecisionPointChange(IReadOnlyList<Beslispunt> Before, IReadOnlyList<Beslispunt> After)
{
    /// <summary>The key of the amended input's journal data.</summary>
    public const string Key = "beslispunten";

    /// <summary>The longest quote of a point the timeline shows; the whole text stays in the journal and on the proposal page.</summary>
    private const int QuoteLength = 120;

    public JsonObject ToData() => new()
    {
        [Key] = new JsonObject { ["van"] = ToJson(Before), ["naar"] = ToJson(After) },
    };

    /// <summary>The change from an amended input's journal data; null when the line is about something else.</summary>
    public static DecisionPointChange? Read(JsonObject? data) => data?[Key] is JsonObject change
        ? new DecisionPointChange(ProposalInput.ReadPoints(change["van"]) ?? [], ProposalInput.ReadPoints(change["naar"]) ?? [])
        : null;

    public static JsonArray ToJson(IEnumerable<Beslispunt> points) =>
        new(points.Select(p => (JsonNode)new JsonObject { ["nummer"] = p.Number, ["tekst"] = p.Text }).ToArray());

    /// <summary>Whether anything changed (a text, a point added or removed).</summary>
    public bool Changes => Before.Count != After.Count || Before.Zip(After).Any(pair => pair.First.Text != pair.Second.Text);

    /// <summary>
    /// "Beslispunten gewijzigd: beslispunt 2 ‘in te stemmen met …’ werd ‘in te stemmen met … onder voorwaarde …’; beslispunt 3
    /// toegevoegd: ‘…’". Points are compared by their number, as the secretary reads them.
    /// </summary>
    public string Sentence()
    {
        var parts = new List<string>();
        for (var i = 0; i < Math.Max(Before.Count, After.Count); i++)
        {
            var number = i + 1;
            if (i >= Before.Count)
            {
                parts.Add($"beslispunt {number} toegevoegd: {Quote(After[i].Text)}");
            }
            else if (i >= After.Count)
            {
                parts.Add($"beslispunt {number} geschrapt (was {Quote(Before[i].Text)})");
            }
            else if (Before[i].Text != After[i].Text)
            {
                parts.Add($"beslispunt {number} {Quote(Before[i].Text)} werd {Quote(After[i].Text)}");
            }
        }

        return parts.Count == 0 ? "Beslispunten opnieuw opgeslagen, zonder wijziging" : "Beslispunten gewijzigd: " + string.Join("; ", parts);
    }

    /// <summary>What a meeting amended, for the timeline: "beslispunt 2 luidt nu ‘…’".</summary>
    public static string Amended(IReadOnlyList<Beslispunt> amended) =>
        string.Join("; ", amended.Select(p => $"beslispunt {p.Number} luidt nu {Quote(p.Text)}"));

    private static string Quote(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length > QuoteLength)
        {
            var cut = line.LastIndexOf(' ', QuoteLength);
            line = line[..(cut > QuoteLength / 2 ? cut : QuoteLength)].TrimEnd(' ', ',', ';', '.') + " …";
        }

        return $"‘{line}’";
    }
}
