using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>
/// The codes a person must not read, each with where it comes from: the activities' declarations (ports, inputs and
/// input choices of every registered activity type, as the designer's palette gets them), every port, input, variable and
/// activity id of the shipped routes, the values the pages' own forms send (a request's choices, an outcome's code), and
/// the kinds and outcomes the journal stores. A code is one of three shapes, and the shape decides where it counts:
/// <list type="bullet">
/// <item><b>compound</b> (an inner capital, a digit, a hyphen or an underscore: <c>positiefMetKanttekeningen</c>,
/// <c>bacAdvies</c>, <c>PubliekeGezondheid</c>): no Dutch text has such a word, so it counts wherever it stands.</item>
/// <item><b>engine word</b> (a capitalised English port: <c>Done</c>, <c>Default</c>, <c>True</c>, <c>False</c>): counts
/// wherever it stands, as a whole word with its capital.</item>
/// <item><b>word</b> (lower-case letters only: <c>gereed</c>, <c>positief</c>, <c>advies</c>, <c>voor</c>): it is also a
/// Dutch word, fine in a sentence ("de raad is positief"), so it counts only where a label belongs and the page shows
/// the bare code instead: the whole text of a button, option, label, legend, summary, heading, table header or term is
/// exactly the code, lower-case as the code is written (the pages write their labels with a capital: "Gereed melden",
/// "Positief met kanttekeningen").</item>
/// </list>
/// </summary>
public sealed partial class CodeBook
{
    private readonly SortedDictionary<string, SortedSet<string>> _origins = new(StringComparer.Ordinal);
    private readonly HashSet<string> _enginePorts = new(StringComparer.Ordinal);

    /// <summary>The English words the engine names ports and channels with, checked even when no source lists them.</summary>
    public static readonly IReadOnlyList<string> FixedEngineWords = ["Done", "Default"];

    /// <summary>The engine's channels (who or what moved an instance), which a journal line must not show as a label.</summary>
    public static readonly IReadOnlyList<string> Channels = ["Api", "Page", "Link", "Timer", "System"];

    public CodeBook()
    {
        foreach (var word in FixedEngineWords)
        {
            Add(word, "engine word", isPort: true);
        }
    }

    /// <summary>Every code with its sources (e.g. "port of Advies", "activity id in voorstel.json").</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Origins => _origins;

    /// <summary>A capitalised English port of the engine (<c>Done</c>, <c>Default</c>, <c>True</c>).</summary>
    public bool IsEngineWord(string word) => _enginePorts.Contains(word);

    /// <summary>The sources of a code, for the report; empty when the word is no known code.</summary>
    public string OriginOf(string word) => _origins.TryGetValue(word, out var origins) ? string.Join("; ", origins.Take(4)) + (origins.Count > 4 ? $"; +{origins.Count - 4}" : "") : "";

    /// <summary>
    /// Adds a code. A capitalised single word counts only as a port (an engine word such as <c>Done</c>); elsewhere it is a
    /// Dutch word written as a label (an activity type "Advies", a journal outcome "Aangenomen") and is not kept.
    /// </summary>
    public void Add(string code, string origin, bool isPort = false)
    {
        code = code.Trim();
        if (code.Length < 2 || !code.Any(char.IsLetter) || code is "In" or "true" or "false" or "on")
        {
            return; // "In" is every activity's entry, never an outcome; the others are form plumbing
        }

        if (CapitalisedWord().IsMatch(code))
        {
            if (!isPort)
            {
                return;
            }

            _enginePorts.Add(code);
        }

        if (!_origins.TryGetValue(code, out var origins))
        {
            _origins[code] = origins = new SortedSet<string>(StringComparer.Ordinal);
        }

        origins.Add(origin);
    }

    /// <summary>
    /// The descriptors of <c>GET /api/activity-types</c>, read by shape so that a richer declaration (a port or a choice
    /// as an object with a label) still yields its codes: ports, input names, input choices, ports made from an input.
    /// </summary>
    public void AddDescriptors(JsonElement descriptors)
    {
        foreach (var descriptor in descriptors.EnumerateArray())
        {
            var type = Text(descriptor, "type") ?? "?";
            foreach (var port in Items(descriptor, "ports"))
            {
                Add(port, $"port of {type}", isPort: true);
            }

            if (descriptor.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array)
            {
                foreach (var input in inputs.EnumerateArray())
                {
                    var name = Text(input, "name") ?? "?";
                    Add(name, $"input of {type}");
                    foreach (var choice in Items(input, "choices"))
                    {
                        Add(choice, $"choice of {type}.{name}");
                    }
                }
            }

            if (descriptor.TryGetProperty("portsFromInput", out var fromInput) && fromInput.ValueKind == JsonValueKind.Object)
            {
                foreach (var extra in Items(fromInput, "extra"))
                {
                    Add(extra, $"port of {type}", isPort: true);
                }
            }

            foreach (var key in new[] { "choices", "outcomes", "answers", "keuzes" })
            {
                foreach (var choice in Items(descriptor, key))
                {
                    Add(choice, $"{key} of {type}");
                }
            }
        }
    }

    /// <summary>Every activity id, port (of a connection's source, of a Switch case, of a Fork branch), input and variable of a route.</summary>
    public void AddRoute(string file, JsonElement definition)
    {
        if (definition.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array)
        {
            foreach (var input in inputs.EnumerateArray())
            {
                Add(Text(input, "name") ?? "", $"input of {file}");
            }
        }

        if (definition.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Array)
        {
            foreach (var variable in variables.EnumerateArray())
            {
                Add(Text(variable, "name") ?? "", $"variable of {file}");
            }
        }

        var root = definition.GetProperty("root");
        foreach (var activity in root.GetProperty("activities").EnumerateArray())
        {
            Add(Text(activity, "id") ?? "", $"activity id in {file}");
            if (activity.TryGetProperty("inputs", out var given) && given.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in Items(given, "cases"))
                {
                    Add(name, $"port in {file}", isPort: true);
                }

                foreach (var branch in Items(given, "branches"))
                {
                    Add(branch, $"port in {file}", isPort: true);
                }
            }
        }

        foreach (var connection in root.GetProperty("connections").EnumerateArray())
        {
            Add(Text(connection.GetProperty("source"), "port") ?? "", $"port in {file}", isPort: true);
        }
    }

    /// <summary>The kinds and outcomes of an instance's journal (<c>GET /api/instances/{id}</c>).</summary>
    public void AddJournal(JsonElement instance)
    {
        if (!instance.TryGetProperty("journal", out var journal))
        {
            return;
        }

        foreach (var entry in journal.EnumerateArray())
        {
            if (Text(entry, "kind") is { } kind)
            {
                Add(kind, "journal kind");
            }

            if (Text(entry, "outcome") is { } outcome)
            {
                Add(outcome, "journal outcome");
            }
        }
    }

    /// <summary>
    /// A value a page's form sends (a choice button, an option, a radio button). Only words count: values with digits or
    /// hyphens are ids of members, meetings or routes, chosen by their label.
    /// </summary>
    public void AddFormValue(string value, string page)
    {
        if (FormWord().IsMatch(value))
        {
            Add(value, $"form value on {page}");
        }
    }

    /// <summary>Lower-case letters only: a code that is also a Dutch word.</summary>
    public static bool IsWord(string code) => LowerWord().IsMatch(code);

    public bool IsCompound(string code) => !IsWord(code) && !_enginePorts.Contains(code);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// The strings of a list property: each item a string, or an object whose <c>name</c>, <c>value</c>, <c>code</c> or
    /// <c>id</c> is the code (a declaration that carries labels beside its codes).
    /// </summary>
    private static IEnumerable<string> Items(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return item.GetString()!;
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in new[] { "name", "value", "code", "id" })
                {
                    if (Text(item, key) is { } code)
                    {
                        yield return code;
                        break;
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+$")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"^\p{Ll}+$")]
    private static partial Regex LowerWord();

    [GeneratedRegex(@"^\p{L}{3,}$")]
    private static partial Regex FormWord();
}
