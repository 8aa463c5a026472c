using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Placement_Shortlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlacementShortlistEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CandidateId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<float>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementShortlistEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementShortlistStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementShortlistStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementShortlistStatusChanges_PlacementShortlistEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "PlacementShortlistEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementShortlistEntries_EmployerInstitutionId",
                table: "PlacementShortlistEntries",
                column: "EmployerInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementShortlistEntries_InstitutionId",
                table: "PlacementShortlistEntries",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementShortlistEntries_PersonId",
                table: "PlacementShortlistEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementShortlistEntries_VacancyId_CandidateId",
                table: "PlacementShortlistEntries",
                columns: new[] { "VacancyId", "CandidateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementShortlistStatusChanges_EntryId",
                table: "PlacementShortlistStatusChanges",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlacementShortlistStatusChanges");

            migrationBuilder.DropTable(
                name: "PlacementShortlistEntries");
        }
    }
}
