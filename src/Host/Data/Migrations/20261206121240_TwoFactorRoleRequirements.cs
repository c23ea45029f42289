using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class TwoFactorRoleRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TwoFactorRoleRequirements",
                columns: table => new
                {
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequiredSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequiredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwoFactorRoleRequirements", x => x.Role);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TwoFactorRoleRequirements");
        }
    }
}
