using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMails_Tenants_TenantId",
                table: "OutboxMails");

            migrationBuilder.AddColumn<string>(
                name: "AccentColour",
                table: "Tenants",
                type: "TEXT",
                nullable: false,
                defaultValue: "#0b5cad");

            migrationBuilder.AddColumn<int>(
                name: "DigestHour",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDigestRunOn",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DigestSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryIds = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictIds = table.Column<string>(type: "TEXT", nullable: false),
                    IncludeOffers = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncludeRequests = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnlyUnanswered = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSubscriptions", x => x.Id);
                    table.CheckConstraint("CK_DigestSubscriptions_Owner", "(\"UserId\" IS NULL) <> (\"OrganisationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_DigestSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DigestSubscriptions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DigestSubscriptions_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    MessageMails = table.Column<bool>(type: "INTEGER", nullable: false),
                    ListingReminders = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotificationSettings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OneClickTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UsedFor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OneClickTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OneClickTokens_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_OrganisationId",
                table: "DigestSubscriptions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_TenantId_Frequency",
                table: "DigestSubscriptions",
                columns: new[] { "TenantId", "Frequency" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_TenantId_OrganisationId",
                table: "DigestSubscriptions",
                columns: new[] { "TenantId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_TenantId_UserId",
                table: "DigestSubscriptions",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_UserId",
                table: "DigestSubscriptions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationSettings_TenantId_UserId",
                table: "NotificationSettings",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationSettings_UserId",
                table: "NotificationSettings",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OneClickTokens_TenantId_Purpose_TargetId",
                table: "OneClickTokens",
                columns: new[] { "TenantId", "Purpose", "TargetId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestSubscriptions");

            migrationBuilder.DropTable(
                name: "NotificationSettings");

            migrationBuilder.DropTable(
                name: "OneClickTokens");

            migrationBuilder.DropColumn(
                name: "AccentColour",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DigestHour",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LastDigestRunOn",
                table: "Tenants");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMails_Tenants_TenantId",
                table: "OutboxMails",
                column: "TenantId",
                principalTable: "Tenants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
