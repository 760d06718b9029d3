using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedByUserId",
                table: "OrganisationInvitations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "OrganisationInvitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationInvitations_TenantId_InvitedByUserId_CreatedAt",
                table: "OrganisationInvitations",
                columns: new[] { "TenantId", "InvitedByUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganisationInvitations_TenantId_InvitedByUserId_CreatedAt",
                table: "OrganisationInvitations");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "InvitedByUserId",
                table: "OrganisationInvitations");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "OrganisationInvitations");
        }
    }
}
