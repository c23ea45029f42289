using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>What a person sent with a form that was refused: it is put back in the same form, never another choice.</summary>
/// <param name="Fields">The form's own fields by name (<c>invoer.uitkomst</c>, <c>stem.m012</c>).</param>
public sealed record PostedForm(string BookmarkId, IReadOnlyDictionary<string, string> Fields)
{
    public string? Value(string name) => Fields.GetValueOrDefault(name);

    /// <summary>The fields of a posted form that the step's input is made of: <c>invoer.*</c>, <c>stem.*</c> and <c>beslispunt.*</c>.</summary>
    public static PostedForm From(string bookmarkId, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form) =>
        new(bookmarkId, form.Where(f => f.Key.StartsWith("invoer.", StringComparison.Ordinal) || f.Key.StartsWith("stem.", StringComparison.Ordinal)
                || f.Key.StartsWith(PageResume.AmendedPointPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
}

/// <summary>
/// One step's form as its request declares it (choices, fields, votes per member, the reason for an answer on
/// someone's behalf), for the proposal page and for the page that records one party's answer.
/// </summary>
/// <param name="Action">Where the form posts.</param>
/// <param name="Voters">The members whose votes may be recorded one by one (id, name as shown); empty when the step takes none.</param>
/// <param name="Posted">What was sent with this form and refused; null on a fresh page.</param>
public sealed record StepForm(string Action, string BookmarkId, string FormId, string Step, JsonObject Payload, RequestDeclaration Declared,
    Addressee? Addressee, IReadOnlyList<(string Id, string Name)> Voters, PostedForm? Posted)
{
    /// <summary>The members whose votes the step records one by one (those of the body it asks, sitting today); none when it takes no votes.</summary>
    public static IReadOnlyList<(string Id, string Name)> VotersOf(RequestDeclaration declared, JsonObject payload, AdviesRoute.Activities.Governance.Model.GovernanceModel model, DateOnly today) =>
        declared.VotesPerMember.Count > 0 && payload["orgaan"]?.GetValue<string>() is { } body
            ? model.MembersOf(body, today).OrderBy(m => m.Name).Select(m => (m.Id, m.Name + (m.SubstituteFor is null ? "" : " (plaatsvervanger)"))).ToList()
            : [];

    /// <summary>The proposal's beslispunten, shown with the form; with "gewijzigd vastgesteld" each may be given its amended text.</summary>
    public IReadOnlyList<AdviesRoute.Activities.Governance.Proposals.Beslispunt> DecisionPoints { get; init; } = [];

    /// <summary>The form field with the amended text of beslispunt <paramref name="number"/> (<c>beslispunt.2</c>).</summary>
    public static string AmendedPointField(int number) => PageResume.AmendedPointPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The element ids of this form start with this.</summary>
    public string Id => $"actie-{BookmarkId}";

    /// <summary>
    /// Whether a choice is ticked: what was sent, after a refusal; on a fresh form the first outcome of a step the
    /// secretariat records itself, never a choice for someone else.
    /// </summary>
    public bool IsChosen(AnswerChoice choice, int index) => Posted is not null
        ? Declared.ChoiceField is { } field && Posted.Value("invoer." + field) == choice.Code
        : Declared.ChoiceRequired && !Declared.IsSomeonesAnswer && index == 0;
}
