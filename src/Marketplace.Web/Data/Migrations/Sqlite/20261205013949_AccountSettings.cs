using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OfficeRequiresTwoFactor",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MailCultureChosen",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF's table rebuild would copy columns of this branch's older model (see CentsAndMinutes).
            migrationBuilder.Sql("""ALTER TABLE "Tenants" DROP COLUMN "OfficeRequiresTwoFactor";""");

            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "MailCultureChosen";""");
        }
    }
}
