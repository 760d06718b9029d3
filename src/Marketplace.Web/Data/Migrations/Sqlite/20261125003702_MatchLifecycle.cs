using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferAnswer",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OfferListingId",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByUserId",
                table: "Matches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestAnswer",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Matches_OfferListingId",
                table: "Matches",
                column: "OfferListingId");

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_Status",
                table: "Matches",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Matches_Listings_OfferListingId",
                table: "Matches",
                column: "OfferListingId",
                principalTable: "Listings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Matches_Listings_OfferListingId",
                table: "Matches");

            migrationBuilder.DropIndex(
                name: "IX_Matches_OfferListingId",
                table: "Matches");

            migrationBuilder.DropIndex(
                name: "IX_Matches_TenantId_Status",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferAnswer",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferListingId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "ProposedByUserId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestAnswer",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Matches");
        }
    }
}
