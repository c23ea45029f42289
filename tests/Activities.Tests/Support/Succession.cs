using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Tests.Support;

/// <summary>A change of members for tests: one member's term ends on a day and a successor takes the seat the day after.</summary>
public static class Succession
{
    public static GovernanceModel Replace(GovernanceModel model, string leavingId, DateOnly lastDay, string successorId, string name, string email)
    {
        var leaving = model.FindMember(leavingId) ?? throw new ArgumentException($"No member {leavingId}.", nameof(leavingId));
        return model with
        {
            Members =
            [
                .. model.Members.Select(m => m.Id == leavingId ? m with { To = lastDay } : m),
                new Member(successorId, name, email, leaving.Body, leaving.Role, leaving.Municipality, leaving.Weight, lastDay.AddDays(1), null),
            ],
        };
    }
}
