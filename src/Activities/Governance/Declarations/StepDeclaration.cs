using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Declarations;

/// <summary>An outcome of a step: the port its route follows, and what a person reads for it.</summary>
public sealed record Outcome(string Code, string Label);

/// <summary>
/// What a governance step is, declared once: its name and description for the designer, its outcomes with their
/// Dutch labels, and the requests it opens for people (with the choices and fields each needs). Its inputs, with the
/// labels of their choices, are its input record (<see cref="IHasInputs{TInputs}"/>). The engine's descriptor, the pages, the mail-link page, the API's checks and the texts of the
/// timeline all come from it, so a code never has to be translated in a second place.
/// </summary>
public sealed record StepDeclaration(string Type, string DisplayName, string Description)
{
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>The requests a person answers (by link, on a page or through the API), by bookmark name.</summary>
    public IReadOnlyList<RequestDeclaration> Requests { get; init; } = [];

    /// <summary>The request waiting under a bookmark of this step; null for a timer or an unknown name.</summary>
    public RequestDeclaration? Request(string bookmarkName) => Requests.FirstOrDefault(r => r.Name == bookmarkName);

    /// <summary>
    /// What a person reads for a choice of any of the step's requests (e.g. the zienswijze a reaction answers); an
    /// undeclared code is returned as it is.
    /// </summary>
    public string ChoiceLabel(string code) =>
        Requests.SelectMany(r => r.Choices.Append(r.Silent)).OfType<AnswerChoice>().FirstOrDefault(c => c.Code == code)?.Label ?? code;

    /// <summary>What a person reads for an outcome; an undeclared code is returned as it is.</summary>
    public string OutcomeLabel(string code) => Outcomes.FirstOrDefault(o => o.Code == code)?.Label ?? code;

    /// <summary>The engine's descriptor: the attributes' type and version, the input record's inputs, with this declaration's names, ports and labels.</summary>
    public ActivityDescriptor Describe(ActivityDescriptor fromAttributes)
    {
        if (fromAttributes.Type != Type)
        {
            throw new InvalidOperationException($"The declaration of {Type} is given for activity type {fromAttributes.Type}.");
        }

        return fromAttributes with
        {
            DisplayName = DisplayName,
            Description = Description,
            Ports = Outcomes.Select(o => o.Code).ToList(),
            PortLabels = Outcomes.ToDictionary(o => o.Code, o => o.Label),
        };
    }
}

/// <summary>A governance activity: an engine activity that declares itself through a <see cref="StepDeclaration"/>.</summary>
public interface IDeclaredStep : IDescribesItself
{
    StepDeclaration Declaration { get; }

    ActivityDescriptor IDescribesItself.Describe(ActivityDescriptor fromAttributes) => Declaration.Describe(fromAttributes);
}

/// <summary>Finds the declaration of a step type among the registered activities.</summary>
public static class StepDeclarations
{
    /// <summary>The declaration of the newest version of <paramref name="activityType"/>; null for an engine activity (Start, Switch …).</summary>
    public static StepDeclaration? Find(ActivityRegistry registry, string activityType) =>
        registry.TryGet(activityType, null, out _, out var activity) && activity is IDeclaredStep step ? step.Declaration : null;

    /// <summary>The declaration of the step <paramref name="activityId"/> of a route; null for an engine activity or an unknown id.</summary>
    public static StepDeclaration? Find(ActivityRegistry registry, WorkflowDefinitionModel definition, string activityId) =>
        definition.Root.Activities.FirstOrDefault(a => a.Id == activityId) is { } node ? Find(registry, node.Type) : null;

    /// <summary>The request a route's step waits on under <paramref name="bookmarkName"/>; null for a timer or an engine activity.</summary>
    public static RequestDeclaration? Request(ActivityRegistry registry, WorkflowDefinitionModel definition, string activityId, string bookmarkName) =>
        Find(registry, definition, activityId)?.Request(bookmarkName);

    /// <summary>
    /// What a person reads for each step of a route: its own name in the route, else what its kind of step is called
    /// ("Besluit (DB of AB)"), never its id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StepNames(ActivityRegistry registry, WorkflowDefinitionModel definition) =>
        definition.Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName
            ?? (registry.TryGet(a.Type, a.TypeVersion, out var descriptor, out _) ? descriptor.DisplayName : a.Id));

    /// <summary>Every governance step's declaration.</summary>
    public static IEnumerable<StepDeclaration> All(ActivityRegistry registry) =>
        registry.LatestDescriptors.Select(d => Find(registry, d.Type)).OfType<StepDeclaration>();
}
