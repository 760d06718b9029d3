using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Polish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The last run becomes an instant; a town starts with none, so its digests run at its next hour. Nobody gets a
            // second digest that day: each subscriber's mail is keyed by the date.
            migrationBuilder.DropColumn(
                name: "LastDigestRunOn",
                table: "Tenants");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastDigestRunAt",
                table: "Tenants",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastDigestRunAt",
                table: "Tenants");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDigestRunOn",
                table: "Tenants",
                type: "date",
                nullable: true);
        }
    }
}
