using System.Collections.Concurrent;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>
/// The parsed definition of each stored version, kept per host: a stored version never changes, so the pages parse
/// it once (for step names and the route diagram) instead of on every request.
/// </summary>
public sealed class DefinitionModels
{
    private readonly ConcurrentDictionary<string, WorkflowDefinitionModel> _models = new();

    public WorkflowDefinitionModel Get(WorkflowDbContext db, string recordId) =>
        _models.GetOrAdd(recordId, id => DefinitionParser.Parse(db.Definitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Json).First()));

    public IReadOnlyDictionary<string, string> StepNames(WorkflowDbContext db, string recordId) =>
        Get(db, recordId).Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName ?? a.Id);
}
