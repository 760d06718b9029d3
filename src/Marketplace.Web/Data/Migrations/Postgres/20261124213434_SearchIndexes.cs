using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Listings_TenantId_Status_IsHidden_DistrictId_ExpiresAt",
                table: "Listings",
                columns: new[] { "TenantId", "Status", "IsHidden", "DistrictId", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_TenantId_Status_IsHidden_DistrictId_ExpiresAt",
                table: "Listings");
        }
    }
}
