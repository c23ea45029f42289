using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevocableLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Generation",
                table: "MailLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "MailLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "MailLinks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "MailLinks",
                type: "TEXT",
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
