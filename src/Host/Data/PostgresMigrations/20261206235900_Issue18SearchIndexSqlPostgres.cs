using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.PostgresMigrations
{
    /// <summary>
    /// Hand-written (raw SQL only, so it survives the model migrations being made again): the words of each search entry
    /// as a <c>tsvector</c> of PostgreSQL's <c>dutch</c> configuration (Snowball stems, Dutch stop words), generated from
    /// the file name's words, the text and the summary, with a GIN index. The model does not map the column: nothing writes it.
    /// </summary>
    [DbContext(typeof(PostgresHostDbContext))]
    [Migration("20261206235900_Issue18SearchIndexSqlPostgres")]
    public sealed class Issue18SearchIndexSqlPostgres : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Words" tsvector
                    GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, "NameWords" || ' ' || "Text" || ' ' || "Summary")) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Words" ON "SearchEntries" USING GIN ("Words");""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Words";""");
            migrationBuilder.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "Words";""");
        }
    }
}
