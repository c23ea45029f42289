using System.Globalization;
using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// A journal line as it is stored: its kind, its outcome and its data. The accessors never throw: a property an older
/// version did not write, or wrote with another type, reads as null, so every stored line still reads.
/// </summary>
public sealed record StoredJournalData(string Kind, string? Outcome, JsonObject? Data)
{
    public bool Has(string name) => Data?.ContainsKey(name) == true;

    public string? Text(string name) => Data?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public int? Integer(string name) => Data?[name] is JsonValue v
        ? v.TryGetValue<int>(out var number) ? number
            : v.TryGetValue<long>(out var wide) && wide is >= int.MinValue and <= int.MaxValue ? (int)wide
            : null
        : null;

    public bool? Boolean(string name) => Data?[name] is JsonValue v && v.TryGetValue<bool>(out var flag) ? flag : null;

    public JsonObject? Object(string name) => Data?[name] as JsonObject;

    /// <summary>A day stored as <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Day(string name) => ParseDay(Text(name));

    internal static DateOnly? ParseDay(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    internal static string? Text(JsonObject? data, string name) => data?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
