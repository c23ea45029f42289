using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailLinks",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotReachedReason = table.Column<string>(type: "TEXT", nullable: true),
                    NotReachedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", nullable: true),
                    CodeExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CodeAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailLinks", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailLinks_InstanceId_ActivityId_Round",
                table: "MailLinks",
                columns: new[] { "InstanceId", "ActivityId", "Round" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailLinks");
        }
    }
}
