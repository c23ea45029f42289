using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Activities.Governance.Search;

/// <summary>
/// The searchable attributes of a proposal, kept by the engine in the step's transaction (see
/// <see cref="ProposalAttributeSource"/>). Lists and searches filter on these, e.g.
/// <c>new InstanceQuery { Attributes = [ProposalAttributes.Title.Contains("begroting")] }</c>.
/// </summary>
public static class ProposalAttributes
{
    /// <summary>The title (input <c>titel</c>); search it with <c>Contains</c>, which ignores case and accents.</summary>
    public static AttributeName Title { get; } = new("titel");

    /// <summary>The pillar (input <c>pijler</c>), e.g. <c>PubliekeGezondheid</c>.</summary>
    public static AttributeName Pillar { get; } = new("pijler");

    /// <summary>The kind of proposal (input <c>soort</c>), e.g. <c>begroting</c>.</summary>
    public static AttributeName Kind { get; } = new("soort");

    /// <summary>
    /// The ids of the bodies and groups the proposal waits on now (a bookmark's <c>orgaan</c> or <c>groep</c>), e.g.
    /// <c>db</c>, <c>vg-pg</c>, <c>raad-assen</c>; every council is <c>StartsWith("raad-")</c>, every college
    /// <c>StartsWith("college-")</c>.
    /// </summary>
    public static AttributeName WaitsOn { get; } = new("wachtOp");

    /// <summary>
    /// Every meeting (id) the proposal was placed on or got an outcome in, kept after it moved on: a meeting's agenda
    /// starts from <c>Meeting.Is(id)</c> and then checks what each proposal waits on.
    /// </summary>
    public static AttributeName Meeting { get; } = new("vergadering");

    /// <summary>All of them.</summary>
    public static IReadOnlyList<AttributeName> All { get; } = [Title, Pillar, Kind, WaitsOn, Meeting];
}

/// <summary>Computes <see cref="ProposalAttributes"/> for every instance after each step.</summary>
internal sealed class ProposalAttributeSource : IInstanceAttributeSource
{
    /// <summary>Raise when the rules below change: the engine then recomputes every stored proposal at the next start.</summary>
    public string Version => "1";

    public IEnumerable<InstanceAttribute> Compute(InstanceAttributeContext context)
    {
        var instance = context.Instance;
        var attributes = new List<InstanceAttribute>();
        var proposal = ProposalInput.Read(instance.Input);
        AddText(attributes, ProposalAttributes.Title, proposal.Title);
        AddText(attributes, ProposalAttributes.Pillar, proposal.Pillar);
        AddText(attributes, ProposalAttributes.Kind, proposal.Kind);
        foreach (var bookmark in instance.AllBookmarks())
        {
            var payload = RequestPayload.Read(bookmark.Payload);
            AddText(attributes, ProposalAttributes.WaitsOn, payload.BodyOrGroup);
            if (bookmark.Name == VotingActivity.MeetingBookmark)
            {
                AddText(attributes, ProposalAttributes.Meeting, payload.MeetingId);
            }
        }

        // Meetings accumulate: an item that moved on (decided, moved, not dealt with) stays findable by the meeting it
        // was on. After a burst the previous set carries the earlier ones; on recomputation the whole journal does.
        attributes.AddRange(context.PreviousValues(ProposalAttributes.Meeting).Select(ProposalAttributes.Meeting.With));
        foreach (var entry in context.Journal)
        {
            switch (entry.Kind)
            {
                case VotingActivity.PlacedOnMeetingJournal:
                    AddText(attributes, ProposalAttributes.Meeting, entry.Data?["vergadering"]?["id"]);
                    break;
                case VotingActivity.MeetingOutcomeJournal:
                    AddText(attributes, ProposalAttributes.Meeting, entry.Data?["vergadering"]);
                    break;
            }
        }

        return attributes;
    }

    private static void AddText(List<InstanceAttribute> attributes, AttributeName name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            attributes.Add(name.With(text));
        }
    }

    private static void AddText(List<InstanceAttribute> attributes, AttributeName name, JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            attributes.Add(name.With(text));
        }
    }
}
