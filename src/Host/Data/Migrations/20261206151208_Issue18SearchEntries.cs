using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue18SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ProposalTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    NameWords = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IndexedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
