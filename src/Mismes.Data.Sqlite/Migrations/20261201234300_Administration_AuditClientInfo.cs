using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Administration_AuditClientInfo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "AuditEntry",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "AuditEntry",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "AuditEntry");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "AuditEntry");
        }
    }
}
