using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <summary>
    /// Hand-written (raw SQL only, so it survives the model migrations being made again): the FTS5 table of Snowball Dutch
    /// stems for the search on SQLite. Its rowid is the <c>SearchEntries</c> row's Id; <c>Search.SearchIndex</c> writes it.
    /// </summary>
    [DbContext(typeof(HostDbContext))]
    [Migration("20261206235900_Issue18SearchIndexSql")]
    public sealed class Issue18SearchIndexSql : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stems are lower case letters and digits already: the tokenizer only splits them on the spaces between.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchStems" USING fts5("Stems", tokenize = 'unicode61 remove_diacritics 0');""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchStems";""");
        }
    }
}
