using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Training_Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<double>(type: "REAL", precision: 7, scale: 2, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    CostPerLearner = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: true),
                    CostCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSittings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<double>(type: "REAL", precision: 5, scale: 2, nullable: false),
                    AttendanceTakenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSittings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSittings_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    SittingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => new { x.SittingId, x.EnrolmentId });
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "TrainingEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingSittings_SittingId",
                        column: x => x.SittingId,
                        principalTable: "TrainingSittings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_EnrolmentId",
                table: "TrainingAttendance",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_PersonId",
                table: "TrainingEnrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_SessionId_PersonId",
                table: "TrainingEnrolments",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_CourseId",
                table: "TrainingSessions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_InstitutionId_StartDate",
                table: "TrainingSessions",
                columns: new[] { "InstitutionId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSittings_SessionId_Date",
                table: "TrainingSittings",
                columns: new[] { "SessionId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "TrainingSittings");

            migrationBuilder.DropTable(
                name: "TrainingSessions");
        }
    }
}
