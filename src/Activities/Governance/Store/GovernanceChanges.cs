using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>The Dutch one-line summary of what a new version changed, kept in the history beside actor and time.</summary>
internal static class GovernanceChanges
{
    public const string Nothing = "geen inhoudelijke wijziging";

    public static string Describe(GovernanceModel? before, GovernanceModel after)
    {
        var parts = new List<string>();
        Compare("gemeenten", before?.Municipalities ?? [], after.Municipalities, m => m.Id, parts);
        Compare("organen", before?.Bodies ?? [], after.Bodies, b => b.Id, parts);
        Compare("leden", before?.Members ?? [], after.Members, m => m.Id, parts);
        return parts.Count == 0 ? Nothing : string.Join("; ", parts);
    }

    public static string Describe(Jaarkalender? before, Jaarkalender after)
    {
        var parts = new List<string>();
        Compare("vergaderingen", before?.Meetings ?? [], after.Meetings, m => m.Id, parts);
        if (!(before?.Milestones ?? []).SequenceEqual(after.Milestones))
        {
            parts.Add("mijlpalen gewijzigd");
        }

        return parts.Count == 0 ? Nothing : string.Join("; ", parts);
    }

    /// <summary>The seed names of the fields that differ, e.g. <c>to, email</c>.</summary>
    public static string Fields(Member before, Member after)
    {
        var fields = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                fields.Add(name);
            }
        }

        Check("name", before.Name == after.Name);
        Check("email", before.Email == after.Email);
        Check("body", before.Body == after.Body);
        Check("role", before.Role == after.Role);
        Check("municipality", before.Municipality == after.Municipality);
        Check("weight", before.Weight == after.Weight);
        Check("from", before.From == after.From);
        Check("to", before.To == after.To);
        Check("substituteFor", before.SubstituteFor == after.SubstituteFor);
        Check("afwezig", before.AbsentFrom == after.AbsentFrom && before.AbsentTo == after.AbsentTo);
        return fields.Count == 0 ? "niets" : string.Join(", ", fields);
    }

    private static void Compare<T>(string what, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, List<string> parts)
        where T : notnull
    {
        var old = before.ToDictionary(id);
        var current = after.ToDictionary(id);
        var added = after.Select(id).Where(i => !old.ContainsKey(i)).ToList();
        var removed = before.Select(id).Where(i => !current.ContainsKey(i)).ToList();
        var changed = after.Where(x => old.TryGetValue(id(x), out var was) && !Equals(was, x)).Select(id).ToList();
        if (added.Count > 0)
        {
            parts.Add($"{what} toegevoegd: {string.Join(", ", added)}");
        }

        if (changed.Count > 0)
        {
            parts.Add($"{what} gewijzigd: {string.Join(", ", changed)}");
        }

        if (removed.Count > 0)
        {
            parts.Add($"{what} verwijderd: {string.Join(", ", removed)}");
        }
    }
}
