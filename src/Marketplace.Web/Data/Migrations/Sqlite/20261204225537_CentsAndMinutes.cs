using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Money as whole cents and volunteer hours as whole minutes, in integer columns that SQL can sum and compare on
    /// SQLite too. The existing amounts are carried over (value × 100, hours × 60, rounded), not dropped.
    /// </summary>
    public partial class CentsAndMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Minutes",
                table: "VolunteerHours",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "HourlyRateCents",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MaxWarmRentCents",
                table: "RentLimits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WarmRentCents",
                table: "Listings",
                type: "INTEGER",
                nullable: true);

            // Copy before dropping: SQLite computes in binary floating point (549.99 * 100 = 54998.999…), so the product is
            // first rounded to 6 places, then half away from zero to a whole number, as decimal rounding would.
            migrationBuilder.Sql("""
                UPDATE "Tenants" SET "HourlyRateCents" = CAST(ROUND(ROUND("HourlyRate" * 100, 6)) AS INTEGER);
                UPDATE "RentLimits" SET "MaxWarmRentCents" = CAST(ROUND(ROUND("MaxWarmRent" * 100, 6)) AS INTEGER);
                UPDATE "Listings" SET "WarmRentCents" = CAST(ROUND(ROUND("WarmRent" * 100, 6)) AS INTEGER) WHERE "WarmRent" IS NOT NULL;
                UPDATE "VolunteerHours" SET "Minutes" = CAST(ROUND(ROUND("Hours" * 60, 6)) AS INTEGER);
                """);

            // SQLite's own DROP COLUMN, not EF's DropColumn: EF rebuilds the table, and dropping Listings would take the
            // search triggers with it (and its rename fails on the view ListingSearchSource that reads Listings).
            migrationBuilder.Sql("""
                ALTER TABLE "VolunteerHours" DROP COLUMN "Hours";
                ALTER TABLE "Tenants" DROP COLUMN "HourlyRate";
                ALTER TABLE "RentLimits" DROP COLUMN "MaxWarmRent";
                ALTER TABLE "Listings" DROP COLUMN "WarmRent";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "VolunteerHours",
                type: "TEXT",
                precision: 6,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "HourlyRate",
                table: "Tenants",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxWarmRent",
                table: "RentLimits",
                type: "TEXT",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "WarmRent",
                table: "Listings",
                type: "TEXT",
                precision: 10,
                scale: 2,
                nullable: true);

            // Back to the decimal text EF writes ("17.35"), computed in integers so no binary fraction creeps in.
            migrationBuilder.Sql("""
                UPDATE "Tenants" SET "HourlyRate" = printf('%d.%02d', "HourlyRateCents" / 100, "HourlyRateCents" % 100);
                UPDATE "RentLimits" SET "MaxWarmRent" = printf('%d.%02d', "MaxWarmRentCents" / 100, "MaxWarmRentCents" % 100);
                UPDATE "Listings" SET "WarmRent" = printf('%d.%02d', "WarmRentCents" / 100, "WarmRentCents" % 100) WHERE "WarmRentCents" IS NOT NULL;
                UPDATE "VolunteerHours" SET "Hours" = printf('%d.%02d', "Minutes" / 60, "Minutes" % 60 * 100 / 60);
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "VolunteerHours" DROP COLUMN "Minutes";
                ALTER TABLE "Tenants" DROP COLUMN "HourlyRateCents";
                ALTER TABLE "RentLimits" DROP COLUMN "MaxWarmRentCents";
                ALTER TABLE "Listings" DROP COLUMN "WarmRentCents";
                """);
        }
    }
}
