using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Sqlite.Migrations
{
    /// <summary>
    /// API keys get scopes instead of roles (docs/adr/0019-api-key-scopes.md). Existing keys keep exactly what their
    /// role allowed: PartnerService (every key the app created) reached only /me and /institutions, which need no
    /// scope, so such keys get none; a key given a staff role by hand gets that role's API scopes.
    /// </summary>
    public partial class Administration_ApiKeyScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Scopes",
                table: "ApiKey",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(
                """
                UPDATE "ApiKey" SET "Scopes" = CASE
                    WHEN "Roles" LIKE '%Administrator%' OR "Roles" LIKE '%ProgrammeManager%'
                        THEN 'audit:read catalogue:write people:read people:write'
                    WHEN "Roles" LIKE '%Advisor%' OR "Roles" LIKE '%CaseWorker%'
                        THEN 'people:read people:write'
                    ELSE '' END
                """);

            migrationBuilder.DropColumn(
                name: "Roles",
                table: "ApiKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the one role every key had; scopes granted since are lost with the column.
            migrationBuilder.AddColumn<string>(
                name: "Roles",
                table: "ApiKey",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "PartnerService");

            migrationBuilder.DropColumn(
                name: "Scopes",
                table: "ApiKey");
        }
    }
}
