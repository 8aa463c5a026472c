using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Placement_Vacancies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccupationUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodingConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MinimumEqfLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ExperienceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Positions = table.Column<int>(type: "INTEGER", nullable: false),
                    PayAmount = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: true),
                    PayCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PayPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HoursPerDay = table.Column<double>(type: "REAL", precision: 5, scale: 2, nullable: true),
                    HoursPerWeek = table.Column<double>(type: "REAL", precision: 5, scale: 2, nullable: true),
                    OvertimeRate = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: true),
                    PaidOnlyDaysWorked = table.Column<bool>(type: "INTEGER", nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Housing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TravelPaidBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VisaFee = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: true),
                    VisaFeePaidBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShortlistSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiryAlertedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_Institution_EmployerInstitutionId",
                        column: x => x.EmployerInstitutionId,
                        principalTable: "Institution",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Vacancies_Institution_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institution",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VacancyLanguages",
                columns: table => new
                {
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MinimumLevel = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacancyLanguages", x => new { x.VacancyId, x.Language });
                    table.ForeignKey(
                        name: "FK_VacancyLanguages_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VacancySkills",
                columns: table => new
                {
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkillUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Essential = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacancySkills", x => new { x.VacancyId, x.SkillUri });
                    table.ForeignKey(
                        name: "FK_VacancySkills_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_EmployerInstitutionId",
                table: "Vacancies",
                column: "EmployerInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_InstitutionId_ValidUntil",
                table: "Vacancies",
                columns: new[] { "InstitutionId", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Source_SourceId",
                table: "Vacancies",
                columns: new[] { "Source", "SourceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VacancyLanguages");

            migrationBuilder.DropTable(
                name: "VacancySkills");

            migrationBuilder.DropTable(
                name: "Vacancies");
        }
    }
}
