using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CategoryExchangeMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExchangeMode",
                table: "Categories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing towns get the defaults new towns get (DefaultCategories.DefaultMode).
            migrationBuilder.Sql("""
                UPDATE "Categories" SET "ExchangeMode" = 1
                WHERE "Kind" IN (1, 2) OR "Key" IN ('begleitung', 'kinderbetreuung')
                   OR "ParentId" IN (SELECT "Id" FROM "Categories" WHERE "Key" IN ('begleitung', 'kinderbetreuung'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExchangeMode",
                table: "Categories");
        }
    }
}
