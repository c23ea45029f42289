using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Declarations;

/// <summary>Who answers a request.</summary>
public enum Answerer
{
    /// <summary>A seat of a body (a member, their substitute, or the successor when the term ends).</summary>
    Seat,

    /// <summary>A body as a whole (a council, a college), through one of its members.</summary>
    Body,

    /// <summary>A group of officials (a voorbereidingsgroep).</summary>
    Group,

    /// <summary>The secretariat itself (a meeting's outcome, the board's reaction, a follow-up task).</summary>
    Secretariat,
}

/// <summary>A free-text field of an answer.</summary>
/// <param name="Name">The property in the answer's input, e.g. <c>toelichting</c>.</param>
/// <param name="Label">What the form shows above it.</param>
/// <param name="Subject">How a refusal names it, with its article, as the start of a sentence: "De toelichting".</param>
public sealed record AnswerField(string Name, string Label, string Subject)
{
    /// <summary>The fewest characters a given text needs (a reasoned reaction is more than a word); 0 for no minimum.</summary>
    public int MinLength { get; init; }

    /// <summary>The refusal of a text under <see cref="MinLength"/>.</summary>
    public string? MinLengthMessage { get; init; }

    /// <summary>Whether the field is required whatever the choice.</summary>
    public bool Required { get; init; }

    /// <summary>The refusal when a required field is empty.</summary>
    public string? RequiredMessage { get; init; }

    /// <summary>A longer text (a textarea) or one line.</summary>
    public bool MultiLine { get; init; } = true;

    /// <summary>Help shown under the label, e.g. an example.</summary>
    public string? Hint { get; init; }
}

/// <summary>A choice a person can make when answering.</summary>
public sealed record AnswerChoice(string Code, string Label)
{
    /// <summary>The fields this choice needs filled in (e.g. a reason with "herzien").</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The refusal when one of <see cref="Requires"/> is empty.</summary>
    public string? RequiresMessage { get; init; }
}

/// <summary>
/// A request a step opens for a person, declared once: its bookmark, its title, who answers it, the choices with their
/// labels and the fields they need. Every channel (the personal link, a secretary's form, the API) is checked by
/// <see cref="Check"/>, in the step itself, so a refusal reads the same everywhere and stores nothing.
/// </summary>
public sealed record RequestDeclaration(string Name, string Title, Answerer Answerer)
{
    /// <summary>The property that carries the reason when someone records the answer on another's behalf.</summary>
    public const string OnBehalfField = "namens";

    /// <summary>The property that names the member who answers (set by the personal link; optional elsewhere).</summary>
    public const string MemberField = "lid";

    /// <summary>The property of the answer that holds the choice; null when the request has no choice (a reaction, a retry).</summary>
    public string? ChoiceField { get; init; }

    public IReadOnlyList<AnswerChoice> Choices { get; init; } = [];

    /// <summary>The answer the step records for a party that did not answer in time (e.g. "geen reactie"); not a choice.</summary>
    public AnswerChoice? Silent { get; init; }

    /// <summary>Whether a choice must be given; a meeting's outcome may instead follow from the votes.</summary>
    public bool ChoiceRequired { get; init; } = true;

    public IReadOnlyList<AnswerField> Fields { get; init; } = [];

    /// <summary>The kind of request mail that asks for it (<c>verzoekStem</c>, <c>verzoekZienswijze</c> …); null when none is mailed.</summary>
    public string? MailKind { get; init; }

    /// <summary>The heading of the personal-link page, addressed to the person (e.g. "Uw stem wordt gevraagd"); the title when not given.</summary>
    public string? Invitation { get; init; }

    /// <summary>The text of the form's button.</summary>
    public string Action { get; init; } = "Vastleggen";

    /// <summary>Whom or what one waiting request is for, read from its payload (e.g. "Gemeenteraad Assen"); shown after the title.</summary>
    public Func<RequestPayload, string?> Party { get; init; } = _ => null;

    /// <summary>What the person should know before answering, read from the payload (the zienswijze to react to, the deadline).</summary>
    public Func<RequestPayload, string?> Intro { get; init; } = _ => null;

    /// <summary>The choices per member when the votes of a meeting are recorded one by one; empty when the form has no votes.</summary>
    public IReadOnlyList<AnswerChoice> VotesPerMember { get; init; } = [];

    /// <summary>Whether the item may instead be moved to another meeting of the same body (with a reason).</summary>
    public bool MayMoveToOtherMeeting { get; init; }

    /// <summary>
    /// What the secretariat is to do, for Mijn taken and the weekly digest (a request of the secretariat or a group);
    /// null for a request answered by members or bodies, which is theirs, not the secretariat's.
    /// </summary>
    public Func<RequestPayload, string>? Task { get; init; }

    /// <summary>The title with the party it is for: "Zienswijze van de raad: Gemeenteraad Assen".</summary>
    public string TitleFor(JsonObject? payload) => payload is not null && Party(RequestPayload.Read(payload)) is { Length: > 0 } party ? $"{Title}: {party}" : Title;

    /// <summary>Whether the answer belongs to someone other than the secretariat, so recording it for them needs a reason.</summary>
    public bool IsSomeonesAnswer => Answerer is Answerer.Seat or Answerer.Body;

    /// <summary>What a person reads for a choice; an undeclared code is returned as it is.</summary>
    public string ChoiceLabel(string code) => Choices.FirstOrDefault(c => c.Code == code)?.Label ?? (Silent?.Code == code ? Silent.Label : code);

    public AnswerField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// Checks an answer's input as it came in through <paramref name="channel"/>, and reads it. Refuses (with a Dutch
    /// message, nothing stored) a choice the person may not make, a required field left empty, a text too long or too
    /// short, and an answer recorded for someone else (anything but their own personal link) without a reason.
    /// </summary>
    public CheckedAnswer Check(JsonNode? input, Channel channel)
    {
        var given = input as JsonObject;
        string? choice = null;
        if (ChoiceField is { } property)
        {
            choice = Read(given, property);
            if (choice is not null && Choices.All(c => c.Code != choice))
            {
                throw new ResumeRejectedException($"'{choice}' is geen mogelijk antwoord. {ChoiceHint(property)}");
            }

            if (choice is null && ChoiceRequired)
            {
                throw new ResumeRejectedException($"Er is geen antwoord gekozen. {ChoiceHint(property)}");
            }
        }

        var texts = new Dictionary<string, string?>();
        foreach (var field in Fields)
        {
            var text = Read(given, field.Name);
            if (FreeText.IsTooLong(text))
            {
                throw new ResumeRejectedException(FreeText.TooLongMessage(field.Subject, text!));
            }

            if (text is not null && text.Length < field.MinLength)
            {
                throw new ResumeRejectedException(field.MinLengthMessage ?? $"{field.Subject} is te kort: ten minste {field.MinLength} tekens.");
            }

            texts[field.Name] = text;
        }

        foreach (var field in Fields.Where(f => f.Required && texts[f.Name] is null))
        {
            throw new ResumeRejectedException(field.RequiredMessage ?? $"{field.Subject} is verplicht.");
        }

        if (choice is not null && Choices.First(c => c.Code == choice) is { Requires.Count: > 0 } chosen
            && chosen.Requires.Any(name => texts.GetValueOrDefault(name) is null))
        {
            throw new ResumeRejectedException(chosen.RequiresMessage ?? $"Vul bij '{chosen.Label}' ook {string.Join(" en ", chosen.Requires.Select(n => Field(n)?.Label.ToLowerInvariant() ?? n))} in.");
        }

        var onBehalf = Read(given, OnBehalfField);
        if (FreeText.IsTooLong(onBehalf))
        {
            throw new ResumeRejectedException(FreeText.TooLongMessage(FreeText.SubjectOf(OnBehalfField), onBehalf!));
        }

        // Through their own personal link a person answers for themselves; on a page or through the API someone else
        // records it for them, and says why (e.g. "telefonisch doorgegeven op 12 november").
        if (channel == Channel.Link)
        {
            onBehalf = null;
        }
        else if (IsSomeonesAnswer && onBehalf is null)
        {
            throw new ResumeRejectedException(OnBehalfMissing);
        }

        return new CheckedAnswer(choice, texts, onBehalf, Read(given, MemberField));
    }

    /// <summary>The refusal of an answer recorded for someone else without a reason.</summary>
    public string OnBehalfMissing =>
        $"Dit antwoord legt u vast namens {(Answerer == Answerer.Seat ? "een lid" : "de raad of het college")}: geef de reden ('namens'), bijvoorbeeld: telefonisch doorgegeven op 12 november. Er is niets vastgelegd.";

    private string ChoiceHint(string property) =>
        $"Kies {DutchFormat.Alternatives(Choices.Select(c => c.Label))} (in een koppeling: '{property}' met {DutchFormat.Alternatives(Choices.Select(c => c.Code))}).";

    private static string? Read(JsonObject? input, string property) =>
        input?[property] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}

/// <summary>An answer as <see cref="RequestDeclaration.Check"/> read it.</summary>
/// <param name="OnBehalf">The reason it was recorded for someone else; null when they gave it themselves.</param>
/// <param name="MemberId">The member named as the one who answers, if any.</param>
public sealed record CheckedAnswer(string? Choice, IReadOnlyDictionary<string, string?> Texts, string? OnBehalf, string? MemberId)
{
    public string? Text(string name) => Texts.GetValueOrDefault(name);
}
