using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Host.Proposals.Start;

/// <summary>A checked document, ready to store.</summary>
public sealed record NewDocument(string FileName, DocumentKind Kind, byte[] Content, bool Confidential);

/// <summary>What the secretary filled in, checked against the lists the form offered.</summary>
public sealed record NewProposal(
    string DefinitionId,
    string Titel,
    string Pijler,
    string Soort,
    string? Samenvatting,
    string PortefeuillehouderId,
    string PortefeuillehouderNaam,
    string? GewensteVergadering,
    string Bestuursmodel,
    bool TerugkoppelingColleges,
    IReadOnlyList<NewDocument> Documents)
{
    /// <summary>How the BAC advises: <c>vergadering</c> or <c>schriftelijk</c> (checked against the rule before).</summary>
    public string? BacMode { get; init; }

    /// <summary>How the DB decides: <c>vergadering</c> or <c>schriftelijk</c> (checked against the rule before).</summary>
    public string? DbMode { get; init; }

    /// <summary>The draft decision, numbered; checked by <see cref="DecisionPointRules"/>.</summary>
    public IReadOnlyList<Beslispunt>? DecisionPoints { get; init; }

    /// <summary>The secretariat's kenmerk or zaaknummer.</summary>
    public string? Reference { get; init; }

    /// <summary>Who wrote the proposal.</summary>
    public string? Author { get; init; }

    /// <summary><see cref="ProposalInput.Openbaar"/> or <see cref="ProposalInput.Besloten"/>.</summary>
    public string? Publicity { get; init; }

    /// <summary>A begrotingswijziging the regeling exempts from zienswijzen; null when not ticked.</summary>
    public bool? ExemptFromZienswijzen { get; init; }
}

/// <summary>
/// Starts a proposal: stores its documents (not yet attached), starts the instance with the documents in its input,
/// then attaches them to the new instance. Should the start fail, the stored documents are removed again.
/// </summary>
public sealed class StartProposal(HostDbContext db, IWorkflowRuntime runtime, IOptions<RequestLinkOptions> links, TimeProvider time, Search.SearchIndex search)
{
    /// <exception cref="WorkflowException">The engine refused the start (unknown definition, a required input missing).</exception>
    public async Task<string> StartAsync(NewProposal proposal, string userName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = proposal.Documents.Select(d => ProposalDocument.From(d, userName, now)).ToList();
        db.ProposalDocuments.AddRange(stored);
        await db.SaveChangesAsync(cancellationToken);

        BurstSummary summary;
        try
        {
            summary = await runtime.StartAsync(proposal.DefinitionId, Input(proposal, stored), new Trigger(userName, Channel.Page), cancellationToken: cancellationToken);
        }
        catch (WorkflowException)
        {
            db.ProposalDocuments.RemoveRange(stored);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        // Attached only now: the instance id is made by the engine. A crash in between leaves documents without an
        // instance, which no link can reach (the member download checks the instance).
        foreach (var document in stored)
        {
            document.InstanceId = summary.InstanceId;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await search.ProposalChangedAsync(summary.InstanceId, stored);
        return summary.InstanceId;
    }

    private JsonObject Input(NewProposal proposal, List<ProposalDocument> stored)
    {
        var documents = new JsonArray(stored.Select(d => (JsonNode)ProposalDocument.InputEntry(d, links.Value.PublicBaseUrl)).ToArray());

        return new ProposalInput
        {
            Title = proposal.Titel,
            Pillar = proposal.Pijler,
            Kind = proposal.Soort,
            Summary = proposal.Samenvatting,
            Holder = new ProposalHolder(proposal.PortefeuillehouderId, proposal.PortefeuillehouderNaam),
            DesiredMeeting = proposal.GewensteVergadering,
            GovernanceModel = proposal.Bestuursmodel,
            CollegeReturn = proposal.TerugkoppelingColleges,
            BacMode = proposal.BacMode,
            DbMode = proposal.DbMode,
            DecisionPoints = proposal.DecisionPoints,
            Reference = proposal.Reference,
            Author = proposal.Author,
            Publicity = proposal.Publicity,
            ExemptFromZienswijzen = proposal.ExemptFromZienswijzen,
            Documents = documents,
        }.ToJson();
    }
}
