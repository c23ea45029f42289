using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class LinkCodeLimitsAndDocumentBodyPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForBodyId",
                table: "ProposalDocuments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CodeWindowStart",
                table: "MailLinks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CodesInWindow",
                table: "MailLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CodesSent",
                table: "MailLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedAt",
                table: "MailLinks",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ForBodyId",
                table: "ProposalDocuments");

            migrationBuilder.DropColumn(
                name: "CodeWindowStart",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "CodesInWindow",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "CodesSent",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "LockedAt",
                table: "MailLinks");
        }
    }
}
