using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AdviesRoute.Host.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Issue18SearchEntriesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProposalTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    NameWords = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IndexedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DocumentId",
                table: "SearchEntries",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ProposalId_Kind",
                table: "SearchEntries",
                columns: new[] { "ProposalId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_State",
                table: "SearchEntries",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
