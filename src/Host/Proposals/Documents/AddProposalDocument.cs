using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Documents;

/// <summary>
/// Adds a document to a running proposal: stores it attached to the instance, then adds it to the instance's
/// <c>documenten</c> input (journaled as <c>InputAmended</c>), so every page and every open link shows it from then on.
/// Should the engine refuse (the proposal ended meanwhile), the stored document is removed again.
/// </summary>
public sealed class AddProposalDocument(HostDbContext db, IWorkflowRuntime runtime, IOptions<RequestLinkOptions> links, TimeProvider time, Search.SearchIndex search)
{
    /// <exception cref="WorkflowException">The proposal does not exist, or is finished or cancelled.</exception>
    /// <param name="forBodyId">Only the links of requests for this body list and open the document; null for everyone.</param>
    public async Task AddAsync(string instanceId, NewDocument document, Trigger trigger, string? forBodyId, CancellationToken cancellationToken)
    {
        var stored = ProposalDocument.From(document, trigger.Actor ?? "onbekend", time.GetUtcNow().UtcDateTime);
        stored.InstanceId = instanceId;
        stored.ForBodyId = forBodyId;
        db.ProposalDocuments.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await runtime.AmendInputAsync(instanceId, input =>
            {
                if (input["documenten"] is not JsonArray list)
                {
                    input["documenten"] = list = [];
                }

                list.Add(ProposalDocument.InputEntry(stored, links.Value.PublicBaseUrl));
                var journal = new JsonObject { ["stuk"] = stored.FileName, ["id"] = stored.Id, ["vertrouwelijk"] = stored.Confidential };
                if (forBodyId is not null)
                {
                    journal["alleenVoor"] = forBodyId;
                }

                return journal;
            }, trigger, cancellationToken);
        }
        catch (WorkflowException)
        {
            db.ProposalDocuments.Remove(stored);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await search.ProposalChangedAsync(instanceId, [stored]);
    }
}
