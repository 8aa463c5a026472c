using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Diaspora_Experts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiasporaExpertChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExperts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResidenceCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ResidenceCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmployerAbroad = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    YearsOfExperience = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MinMissionWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMissionWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExperts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExpertAvailability",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertAvailability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiasporaExpertAvailability_DiasporaExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "DiasporaExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExpertDegrees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EqfLevel = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertDegrees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiasporaExpertDegrees_DiasporaExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "DiasporaExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExpertLanguages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertLanguages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiasporaExpertLanguages_DiasporaExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "DiasporaExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExpertOccupations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    OccupationUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertOccupations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiasporaExpertOccupations_DiasporaExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "DiasporaExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiasporaExpertSkills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    SkillUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiasporaExpertSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiasporaExpertSkills_DiasporaExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "DiasporaExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertAvailability_ExpertId",
                table: "DiasporaExpertAvailability",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertChanges_PersonId",
                table: "DiasporaExpertChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertDegrees_ExpertId",
                table: "DiasporaExpertDegrees",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertLanguages_ExpertId_Language",
                table: "DiasporaExpertLanguages",
                columns: new[] { "ExpertId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertOccupations_ExpertId_OccupationUri",
                table: "DiasporaExpertOccupations",
                columns: new[] { "ExpertId", "OccupationUri" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertOccupations_OccupationUri",
                table: "DiasporaExpertOccupations",
                column: "OccupationUri");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExperts_InstitutionId",
                table: "DiasporaExperts",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExperts_PersonId",
                table: "DiasporaExperts",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExperts_ResidenceCountry",
                table: "DiasporaExperts",
                column: "ResidenceCountry");

            migrationBuilder.CreateIndex(
                name: "IX_DiasporaExpertSkills_ExpertId_SkillUri",
                table: "DiasporaExpertSkills",
                columns: new[] { "ExpertId", "SkillUri" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiasporaExpertAvailability");

            migrationBuilder.DropTable(
                name: "DiasporaExpertChanges");

            migrationBuilder.DropTable(
                name: "DiasporaExpertDegrees");

            migrationBuilder.DropTable(
                name: "DiasporaExpertLanguages");

            migrationBuilder.DropTable(
                name: "DiasporaExpertOccupations");

            migrationBuilder.DropTable(
                name: "DiasporaExpertSkills");

            migrationBuilder.DropTable(
                name: "DiasporaExperts");
        }
    }
}
