using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplyFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GapAlertMedianDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GapAlertOpenRequests",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GapAlertSurplusWeeks",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GapWaitingDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SurplusIdleDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DayParts",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "GapAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseType = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CoordinatorsNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrganisationsInvitedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GapAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GapAlerts_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenSupplies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    DayParts = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PendingProposals = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenSupplies", x => new { x.TenantId, x.ListingKey });
                    table.ForeignKey(
                        name: "FK_OpenSupplies_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Event = table.Column<int>(type: "INTEGER", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    DayParts = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ListingKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Closes = table.Column<bool>(type: "INTEGER", nullable: false),
                    DaysToMatch = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyFacts_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyWatermarks",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FoldedUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFactId = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyWatermarks", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_SupplyWatermarks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklySupplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    Published = table.Column<int>(type: "INTEGER", nullable: false),
                    Contacted = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposed = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiredUnmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenAtWeekEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    StaleAtWeekEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedWithin7Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToMatch0To1 = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToMatch2To3 = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToMatch4To7 = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToMatch8To30 = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToMatchOver30 = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklySupplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklySupplies_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyVolunteers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    Mornings = table.Column<int>(type: "INTEGER", nullable: false),
                    Afternoons = table.Column<int>(type: "INTEGER", nullable: false),
                    Evenings = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekends = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyVolunteers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyVolunteers_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GapAlerts_TenantId_CoordinatorsNotifiedAt",
                table: "GapAlerts",
                columns: new[] { "TenantId", "CoordinatorsNotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GapAlerts_TenantId_Kind_WeekStart_CategoryId_DistrictId_CourseType",
                table: "GapAlerts",
                columns: new[] { "TenantId", "Kind", "WeekStart", "CategoryId", "DistrictId", "CourseType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyFacts_TenantId_At_Id",
                table: "SupplyFacts",
                columns: new[] { "TenantId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklySupplies_TenantId_WeekStart_CategoryId_SubCategoryId_DistrictId_Side",
                table: "WeeklySupplies",
                columns: new[] { "TenantId", "WeekStart", "CategoryId", "SubCategoryId", "DistrictId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyVolunteers_TenantId_WeekStart_CategoryId_DistrictId",
                table: "WeeklyVolunteers",
                columns: new[] { "TenantId", "WeekStart", "CategoryId", "DistrictId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GapAlerts");

            migrationBuilder.DropTable(
                name: "OpenSupplies");

            migrationBuilder.DropTable(
                name: "SupplyFacts");

            migrationBuilder.DropTable(
                name: "SupplyWatermarks");

            migrationBuilder.DropTable(
                name: "WeeklySupplies");

            migrationBuilder.DropTable(
                name: "WeeklyVolunteers");

            migrationBuilder.DropColumn(
                name: "GapAlertMedianDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "GapAlertOpenRequests",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "GapAlertSurplusWeeks",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "GapWaitingDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SurplusIdleDays",
                table: "Tenants");

            // SQLite's own DROP COLUMN, not EF's DropColumn: EF rebuilds the table, and dropping Listings would take the
            // search triggers with it (and its rename fails on the view ListingSearchSource that reads Listings).
            migrationBuilder.Sql("""ALTER TABLE "Listings" DROP COLUMN "DayParts";""");
        }
    }
}
