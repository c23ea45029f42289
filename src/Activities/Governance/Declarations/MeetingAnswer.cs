using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Declarations;

/// <summary>One member's vote as the secretary records it for a meeting.</summary>
/// <param name="Member">The member's id; null when not given as text.</param>
/// <param name="Choice">The code of the vote (voor, tegen …); null when not given as text.</param>
public sealed record MemberVote(string? Member, string? Choice);

/// <summary>
/// What the secretary may send besides the outcome for a meeting's request (<see cref="RequestDeclaration.VotesPerMember"/>,
/// <see cref="RequestDeclaration.MayMoveToOtherMeeting"/>): the votes per member, or the meeting the item moves to with the
/// reason. Read once, typed; the keys are those the proposal page and the API have always sent. The outcome and the remark
/// themselves are checked by <see cref="RequestDeclaration.Check"/>.
/// </summary>
public sealed record MeetingAnswer(string? MoveTo, string? Reason, IReadOnlyList<MemberVote>? Votes)
{
    /// <summary>The property with the id of the meeting the item moves to.</summary>
    public const string MoveToField = "verplaatsNaar";

    /// <summary>The property with the votes per member: a list of <c>{ "lid": …, "keuze": … }</c>.</summary>
    public const string VotesField = "stemmen";

    public const string VoteMemberField = "lid";
    public const string VoteChoiceField = "keuze";

    /// <summary>The property with the reason to move the item (the remark of the outcome otherwise).</summary>
    public const string ReasonField = "toelichting";

    /// <summary>
    /// The property with the beslispunten as the meeting amended them ("gewijzigd vastgesteld"): a list of
    /// <c>{ "nummer": 2, "tekst": "…" }</c>; a point sent unchanged counts as not amended.
    /// </summary>
    public const string AmendedPointsField = "gewijzigdeBeslispunten";

    /// <summary>The amended beslispunten as sent (see <see cref="AmendedPointsField"/>); null when none were sent.</summary>
    public JsonNode? AmendedPoints { get; init; }

    /// <summary>The answer read from a resume's input; a value that is not text reads as not given.</summary>
    public static MeetingAnswer Read(JsonNode? input) => ReadMoveAndVotes(input) with { AmendedPoints = (input as JsonObject)?[AmendedPointsField] };

    private static MeetingAnswer ReadMoveAndVotes(JsonNode? input) => input is JsonObject answer
        ? new MeetingAnswer(
            TextOf(answer, MoveToField),
            TextOf(answer, ReasonField),
            answer[VotesField] is JsonArray votes
                ? votes.Select(v => v is JsonObject vote ? new MemberVote(TextOf(vote, VoteMemberField), VoteOf(vote)) : new MemberVote(null, null)).ToList()
                : null)
        : new MeetingAnswer(null, null, null);

    /// <summary>A text given, trimmed; a longer one than people may post is refused, as every free text is.</summary>
    /// <exception cref="ResumeRejectedException">The text is longer than <see cref="FreeText"/> allows.</exception>
    private static string? TextOf(JsonObject answer, string property)
    {
        var text = answer[property] is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        return FreeText.IsTooLong(text) ? throw new ResumeRejectedException(FreeText.TooLongMessage(FreeText.SubjectOf(property), text!)) : text;
    }

    // A vote's code is taken as given (untrimmed), as the step always compared it.
    private static string? VoteOf(JsonObject vote) => vote[VoteChoiceField] is JsonValue value && value.TryGetValue<string>(out var code) ? code : null;
}
