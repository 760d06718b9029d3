using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedByUserId",
                table: "OrganisationInvitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "OrganisationInvitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationInvitations_TenantId_InvitedByUserId_CreatedAt",
                table: "OrganisationInvitations",
                columns: new[] { "TenantId", "InvitedByUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF's table rebuild would copy columns of this branch's older model (see CentsAndMinutes).
            migrationBuilder.DropIndex(
                name: "IX_OrganisationInvitations_TenantId_InvitedByUserId_CreatedAt",
                table: "OrganisationInvitations");

            migrationBuilder.Sql("""ALTER TABLE "Organisations" DROP COLUMN "CreatedByUserId";""");

            migrationBuilder.Sql("""ALTER TABLE "OrganisationInvitations" DROP COLUMN "InvitedByUserId";""");

            migrationBuilder.Sql("""ALTER TABLE "OrganisationInvitations" DROP COLUMN "RevokedAt";""");
        }
    }
}
