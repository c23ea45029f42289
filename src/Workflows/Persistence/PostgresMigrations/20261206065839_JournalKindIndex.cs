using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class JournalKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Journal_Kind",
                table: "Journal",
                columns: new[] { "Kind", "InstanceId", "Sequence", "At", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Journal_Kind",
                table: "Journal");
        }
    }
}
