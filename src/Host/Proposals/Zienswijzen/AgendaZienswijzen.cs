using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Proposals.Zienswijzen;

/// <summary>What an agenda item says about the zienswijzen it carries: a sentence, and the nota as a document of the proposal.</summary>
public sealed record AgendaZienswijzenLine(string Sentence, string NotaName, string? NotaUrl);

/// <summary>
/// The zienswijzen that go with a proposal to the AB (art. 35 lid 3 Wgr), for its agenda item on the meeting page: how
/// many councils gave one and of what kind, and the zienswijzennota that holds them with the board's reactions. Only an
/// item that carries a zienswijzennota among its documents is read further, so the page reads no other proposal.
/// </summary>
public sealed class AgendaZienswijzen(IWorkflowReader workflows, TimeProvider time)
{
    public async Task<AgendaZienswijzenLine?> ForAsync(AgendaEntry item, CancellationToken cancellationToken)
    {
        var nota = item.Documents.Select(d => d.Name).LastOrDefault(n => n.StartsWith("Zienswijzennota", StringComparison.Ordinal));
        if (nota is null || await workflows.GetInstanceAsync(item.InstanceId, cancellationToken) is not { } instance)
        {
            return null;
        }

        var content = NotaContent.From(instance.Input, instance.Variables.GetValueOrDefault("zienswijzen"), DutchTime.Today(time.GetUtcNow()));
        var url = instance.Input["documenten"] is JsonArray documents
            ? documents.OfType<JsonObject>().LastOrDefault(d => d["naam"]?.GetValue<string>() == nota)?["url"]?.GetValue<string>()
            : null;
        if (content is null)
        {
            return new AgendaZienswijzenLine("Met de zienswijzennota.", nota, url);
        }

        var total = content.Given.Count + content.Silent.Count;
        // In the order the request offers them: positief, positief met kanttekeningen, negatief.
        var order = Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!.Choices.Select(c => c.Label).ToList();
        var kinds = content.Given.GroupBy(g => g.Label).OrderBy(g => order.IndexOf(g.Key)).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}").ToList();
        var sentence = content.Given.Count == 0
            ? $"Zienswijzen: geen van de {total} raden gaf een zienswijze."
            : $"Zienswijzen: {content.Given.Count} van de {total} raden ({DutchFormat.List(kinds)}); de reacties van het bestuur zijn door het dagelijks bestuur vastgesteld (art. 35 lid 3 Wgr).";
        return new AgendaZienswijzenLine(sentence, nota, url);
    }
}
