using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class People_MergeUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonMergeSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DuplicateId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SurvivorBefore = table.Column<string>(type: "text", nullable: false),
                    DuplicateBefore = table.Column<string>(type: "text", nullable: false),
                    SurvivorAfter = table.Column<string>(type: "text", nullable: false),
                    UndoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMergeSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonMergeSnapshots_People_DuplicateId",
                        column: x => x.DuplicateId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonMergeSnapshots_People_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonMergeSnapshots_DuplicateId",
                table: "PersonMergeSnapshots",
                column: "DuplicateId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMergeSnapshots_SurvivorId_MergedAt",
                table: "PersonMergeSnapshots",
                columns: new[] { "SurvivorId", "MergedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonMergeSnapshots");
        }
    }
}
