using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// One party asked in a written round: what the request belongs to (a seat, <c>zetel</c>, or a body, <c>orgaan</c>),
/// the body the round is about, and the people who get its mail.
/// </summary>
/// <param name="Target">The seat or body the request belongs to, as <see cref="RequestMails.Queue"/> names it.</param>
internal sealed record RoundParty((string Name, string Value) Target, Body Body, IReadOnlyList<Member> Addressees);
