using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdviesRoute.Host.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MeetingAttendanceAndMinutesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FreeAgendaItems",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FreeAgendaItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendees",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Presence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubstituteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendees", x => new { x.MeetingId, x.MemberId });
                });

            migrationBuilder.CreateTable(
                name: "MeetingRecords",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AttendanceRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReconvenedAfter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MinutesOf = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MinutesAdoptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MinutesAdoptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MinutesChanges = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRecords", x => x.MeetingId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FreeAgendaItems_MeetingId",
                table: "FreeAgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRecords_MinutesOf",
                table: "MeetingRecords",
                column: "MinutesOf");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FreeAgendaItems");

            migrationBuilder.DropTable(
                name: "MeetingAttendees");

            migrationBuilder.DropTable(
                name: "MeetingRecords");
        }
    }
}
