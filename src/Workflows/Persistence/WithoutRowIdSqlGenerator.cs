using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>
/// Creates the tables every burst writes as SQLite <c>WITHOUT ROWID</c> tables: the row is stored in its primary
/// key's B-tree instead of a rowid table plus a separate key index, which halves the pages a commit writes.
/// Also applies when a later migration rebuilds one of these tables.
/// </summary>
public sealed class WithoutRowIdSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "WorkflowInstances", "Timers", "Journal", "InstanceAttributes",
    };

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        base.Generate(operation, model, builder, terminate: false);
        if (Tables.Contains(operation.Name))
        {
            builder.Append(" WITHOUT ROWID");
        }

        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }
}
