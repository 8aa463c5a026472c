using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mismes.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Placement_Candidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlacementCandidateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementCandidateChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementCandidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EqfLevel = table.Column<int>(type: "integer", nullable: true),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AvailableTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CountriesWanted = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AppliedVacancyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementCandidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementCandidateLanguages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<long>(type: "bigint", nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Level = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementCandidateLanguages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementCandidateLanguages_PlacementCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "PlacementCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementCandidateOccupations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<long>(type: "bigint", nullable: false),
                    OccupationUri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExperienceMonths = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementCandidateOccupations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementCandidateOccupations_PlacementCandidates_Candidate~",
                        column: x => x.CandidateId,
                        principalTable: "PlacementCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementCandidateSkills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<long>(type: "bigint", nullable: false),
                    SkillUri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementCandidateSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementCandidateSkills_PlacementCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "PlacementCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidateChanges_PersonId",
                table: "PlacementCandidateChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidateLanguages_CandidateId_Language",
                table: "PlacementCandidateLanguages",
                columns: new[] { "CandidateId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidateOccupations_CandidateId_OccupationUri",
                table: "PlacementCandidateOccupations",
                columns: new[] { "CandidateId", "OccupationUri" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidateOccupations_OccupationUri",
                table: "PlacementCandidateOccupations",
                column: "OccupationUri");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidates_InstitutionId",
                table: "PlacementCandidates",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidates_PersonId",
                table: "PlacementCandidates",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidates_RegistrationId",
                table: "PlacementCandidates",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementCandidateSkills_CandidateId_SkillUri",
                table: "PlacementCandidateSkills",
                columns: new[] { "CandidateId", "SkillUri" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlacementCandidateChanges");

            migrationBuilder.DropTable(
                name: "PlacementCandidateLanguages");

            migrationBuilder.DropTable(
                name: "PlacementCandidateOccupations");

            migrationBuilder.DropTable(
                name: "PlacementCandidateSkills");

            migrationBuilder.DropTable(
                name: "PlacementCandidates");
        }
    }
}
