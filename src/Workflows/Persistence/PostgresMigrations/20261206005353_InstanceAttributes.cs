using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InstanceAttributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EngineMetadata",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineMetadata", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "InstanceAttributes",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Folded = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceAttributes", x => new { x.InstanceId, x.Name, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceAttributes_Name_Folded",
                table: "InstanceAttributes",
                columns: new[] { "Name", "Folded" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceAttributes_Name_Value",
                table: "InstanceAttributes",
                columns: new[] { "Name", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngineMetadata");

            migrationBuilder.DropTable(
                name: "InstanceAttributes");
        }
    }
}
