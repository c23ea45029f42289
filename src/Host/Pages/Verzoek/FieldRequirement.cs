using AdviesRoute.Activities.Governance.Declarations;

namespace AdviesRoute.Host.Pages.Verzoek;

/// <summary>
/// When a field of a request must be filled in, in words for its label: "verplicht", "niet verplicht", or, where it
/// depends on the choice, both sides: "verplicht bij positief, positief met kanttekeningen of negatief; niet nodig bij
/// geen zienswijze". The step checks the same declaration, so the label never promises what the step refuses.
/// </summary>
public static class FieldRequirement
{
    public static string Describe(RequestDeclaration request, AnswerField field)
    {
        if (field.Required)
        {
            return "verplicht";
        }

        var requiring = request.Choices.Where(c => c.Requires.Contains(field.Name)).Select(c => c.Label.ToLowerInvariant()).ToList();
        if (requiring.Count == 0)
        {
            return "niet verplicht";
        }

        var others = request.Choices.Where(c => !c.Requires.Contains(field.Name)).Select(c => c.Label.ToLowerInvariant()).ToList();
        var text = $"verplicht bij {Or(requiring)}";
        return others.Count == 0 ? text : $"{text}; niet nodig bij {Or(others)}";
    }

    private static string Or(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} of {words[^1]}";
}
