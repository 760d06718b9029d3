using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "HourlyRateCents",
                table: "Tenants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MaxWarmRentCents",
                table: "RentLimits",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WarmRentCents",
                table: "Listings",
                type: "bigint",
                nullable: true);

            // Copy before dropping; numeric arithmetic is exact here, and round() takes half away from zero.
            migrationBuilder.Sql("""
                UPDATE "Tenants" SET "HourlyRateCents" = round("HourlyRate" * 100)::bigint;
                UPDATE "RentLimits" SET "MaxWarmRentCents" = round("MaxWarmRent" * 100)::bigint;
                UPDATE "Listings" SET "WarmRentCents" = round("WarmRent" * 100)::bigint WHERE "WarmRent" IS NOT NULL;
                UPDATE "VolunteerHours" SET "Minutes" = round("Hours" * 60)::integer;
                """);

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "VolunteerHours");

            migrationBuilder.DropColumn(
                name: "HourlyRate",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "MaxWarmRent",
                table: "RentLimits");

            migrationBuilder.DropColumn(
                name: "WarmRent",
                table: "Listings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "VolunteerHours",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "HourlyRate",
                table: "Tenants",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxWarmRent",
                table: "RentLimits",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "WarmRent",
                table: "Listings",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Tenants" SET "HourlyRate" = "HourlyRateCents" / 100.0;
                UPDATE "RentLimits" SET "MaxWarmRent" = "MaxWarmRentCents" / 100.0;
                UPDATE "Listings" SET "WarmRent" = "WarmRentCents" / 100.0 WHERE "WarmRentCents" IS NOT NULL;
                UPDATE "VolunteerHours" SET "Hours" = round("Minutes" / 60.0, 2);
                """);

            migrationBuilder.DropColumn(
                name: "Minutes",
                table: "VolunteerHours");

            migrationBuilder.DropColumn(
                name: "HourlyRateCents",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "MaxWarmRentCents",
                table: "RentLimits");

            migrationBuilder.DropColumn(
                name: "WarmRentCents",
                table: "Listings");
        }
    }
}
