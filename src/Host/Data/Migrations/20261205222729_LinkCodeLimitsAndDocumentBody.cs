using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkCodeLimitsAndDocumentBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForBodyId",
                table: "ProposalDocuments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CodeWindowStart",
                table: "MailLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CodesInWindow",
                table: "MailLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CodesSent",
                table: "MailLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedAt",
                table: "MailLinks",
                type: "TEXT",
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
