using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mismes.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue_MigrantGuidance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "SupportMeasureTranslation",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForWhom",
                table: "SupportMeasureTranslation",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HowToApply",
                table: "SupportMeasureTranslation",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatYouGet",
                table: "SupportMeasureTranslation",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Contact",
                table: "SupportMeasureTranslation");

            migrationBuilder.DropColumn(
                name: "ForWhom",
                table: "SupportMeasureTranslation");

            migrationBuilder.DropColumn(
                name: "HowToApply",
                table: "SupportMeasureTranslation");

            migrationBuilder.DropColumn(
                name: "WhatYouGet",
                table: "SupportMeasureTranslation");
        }
    }
}
