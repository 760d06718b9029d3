using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchingChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StartCheckedAt",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "Matches",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF's table rebuild would copy columns of this branch's older model (see CentsAndMinutes).
            migrationBuilder.Sql("""ALTER TABLE "Matches" DROP COLUMN "StartCheckedAt";""");

            migrationBuilder.Sql("""ALTER TABLE "Matches" DROP COLUMN "StartsOn";""");
        }
    }
}
