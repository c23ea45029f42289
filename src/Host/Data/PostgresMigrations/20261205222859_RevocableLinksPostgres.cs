using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class RevocableLinksPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Generation",
                table: "MailLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "MailLinks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "MailLinks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "MailLinks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Generation",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "MailLinks");

            migrationBuilder.DropColumn(
                name: "RevokedReason",
                table: "MailLinks");
        }
    }
}
