using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Recognition_Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecognitionApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trade = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryOfWork = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    YearsAbroad = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkAbroad = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    References = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Assessors = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EqfLevel = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionSigningKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionSigningKeys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Trade = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EqfLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillUris = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Credential = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecognitionCertificates_RecognitionApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RecognitionApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionSkills",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkillUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionSkills", x => new { x.ApplicationId, x.SkillUri });
                    table.ForeignKey(
                        name: "FK_RecognitionSkills_RecognitionApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RecognitionApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionApplications_InstitutionId_Status",
                table: "RecognitionApplications",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionApplications_PersonId",
                table: "RecognitionApplications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionCertificates_ApplicationId",
                table: "RecognitionCertificates",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionCertificates_Code",
                table: "RecognitionCertificates",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecognitionCertificates");

            migrationBuilder.DropTable(
                name: "RecognitionSigningKeys");

            migrationBuilder.DropTable(
                name: "RecognitionSkills");

            migrationBuilder.DropTable(
                name: "RecognitionApplications");
        }
    }
}
