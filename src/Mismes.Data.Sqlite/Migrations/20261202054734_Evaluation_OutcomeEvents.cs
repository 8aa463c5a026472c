using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation_OutcomeEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutcomeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Capability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EqfLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    MigrationPhase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeEvents", x => new { x.PersonId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeEvents_InstitutionId_At",
                table: "OutcomeEvents",
                columns: new[] { "InstitutionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeEvents_Kind_At",
                table: "OutcomeEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeEvents_MeasureId_At",
                table: "OutcomeEvents",
                columns: new[] { "MeasureId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutcomeEvents");
        }
    }
}
