using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Polish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The last run becomes an instant; a town starts with none, so its digests run at its next hour. Nobody gets a
            // second digest that day: each subscriber's mail is keyed by the date. SQLite's own DROP COLUMN, not EF's
            // table rebuild (see CentsAndMinutes).
            migrationBuilder.Sql("""ALTER TABLE "Tenants" DROP COLUMN "LastDigestRunOn";""");

            migrationBuilder.AddColumn<long>(
                name: "LastDigestRunAt",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Tenants" DROP COLUMN "LastDigestRunAt";""");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDigestRunOn",
                table: "Tenants",
                type: "TEXT",
                nullable: true);
        }
    }
}
