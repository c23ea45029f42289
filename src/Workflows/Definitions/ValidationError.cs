namespace AdviesRoute.Workflows.Definitions;

/// <summary>One reason a definition was rejected, with the JSON path of the element at fault.</summary>
/// <param name="Path">JSON path such as <c>$.root.activities[2].inputs.condition</c>.</param>
/// <param name="Code">A stable code for programs (e.g. <c>UnknownActivityType</c>).</param>
/// <param name="Message">A Dutch message for people.</param>
public sealed record ValidationError(string Path, string Code, string Message)
{
    public int? Line { get; init; }
    public int? Position { get; init; }
}

/// <summary>The stable codes of <see cref="ValidationError"/>.</summary>
public static class ValidationCodes
{
    public const string MalformedJson = "MalformedJson";
    public const string MissingField = "MissingField";
    public const string UnknownActivityType = "UnknownActivityType";
    public const string UnknownActivityVersion = "UnknownActivityVersion";
    public const string DuplicateActivityId = "DuplicateActivityId";
    public const string MissingInput = "MissingInput";
    public const string InvalidInputType = "InvalidInputType";

    /// <summary>A literal the activity itself refuses, e.g. a body that does not exist.</summary>
    public const string InvalidInputValue = "InvalidInputValue";
    public const string UnknownInput = "UnknownInput";
    public const string DanglingConnection = "DanglingConnection";
    public const string DuplicateConnection = "DuplicateConnection";
    public const string UnknownPort = "UnknownPort";
    public const string UnreachableActivity = "UnreachableActivity";
    public const string NoPathToEnd = "NoPathToEnd";
    public const string LoopWithoutBlockingActivity = "LoopWithoutBlockingActivity";
    public const string ExpressionSyntax = "ExpressionSyntax";
    public const string StartCount = "StartCount";
    public const string DuplicateName = "DuplicateName";
}

/// <summary>Thrown when a definition is rejected; nothing was stored.</summary>
public sealed class DefinitionValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("De definitie is ongeldig: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
