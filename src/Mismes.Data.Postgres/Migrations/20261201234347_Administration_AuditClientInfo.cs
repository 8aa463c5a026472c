using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Postgres.Migrations
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
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "AuditEntry",
                type: "character varying(300)",
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
