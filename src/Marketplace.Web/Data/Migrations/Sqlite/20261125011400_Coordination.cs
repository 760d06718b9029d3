using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Coordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClearanceValidYears",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<decimal>(
                name: "HourlyRate",
                table: "Tenants",
                type: "TEXT",
                nullable: false,
                defaultValue: 15m);

            migrationBuilder.AddColumn<long>(
                name: "AnswerDueAt",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndReason",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Matches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeedbackRequestedAt",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OfferFeedback_At",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferFeedback_Comment",
                table: "Matches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferFeedback_Happened",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferFeedback_Rating",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferSharesContact",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RequestFeedback_At",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestFeedback_Comment",
                table: "Matches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestFeedback_Happened",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestFeedback_Rating",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestSharesContact",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "VolunteerUserId",
                table: "Matches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToUserId",
                table: "Listings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfficeStatus",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NeighbourIds",
                table: "Districts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "RequiresClearance",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing towns get the defaults new towns get (DefaultCategories.ClearanceKeys).
            migrationBuilder.Sql("""
                UPDATE "Categories" SET "RequiresClearance" = TRUE
                WHERE "Key" IN ('kinderbetreuung', 'hausaufgabenhilfe', 'patenschaften', 'ferienprogramm');
                """);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEntries_AspNetUsers_ActorUserId",
                        column: x => x.ActorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditEntries_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReferenceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeContacts_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfficeInquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeInquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeInquiries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfficeInquiries_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfficeNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeNotes_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OfficeNotes_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PoliceClearances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InspectedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoliceClearances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoliceClearances_AspNetUsers_VolunteerUserId",
                        column: x => x.VolunteerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PoliceClearances_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    MatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerHours_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerHours_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VolunteerHours_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VolunteerHours_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    IsAvailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    SkillCategoryIds = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictIds = table.Column<string>(type: "TEXT", nullable: false),
                    Mobility = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_OfferListingId",
                table: "Matches",
                columns: new[] { "TenantId", "OfferListingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_VolunteerUserId",
                table: "Matches",
                columns: new[] { "TenantId", "VolunteerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_VolunteerUserId",
                table: "Matches",
                column: "VolunteerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId",
                table: "AuditEntries",
                column: "ActorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_ActorUserId_At",
                table: "AuditEntries",
                columns: new[] { "TenantId", "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_At",
                table: "AuditEntries",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeContacts_ListingId",
                table: "IntakeContacts",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeContacts_TenantId_ListingId",
                table: "IntakeContacts",
                columns: new[] { "TenantId", "ListingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeContacts_TenantId_ReferenceCode",
                table: "IntakeContacts",
                columns: new[] { "TenantId", "ReferenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeInquiries_ListingId",
                table: "OfficeInquiries",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeInquiries_TenantId_HandledAt",
                table: "OfficeInquiries",
                columns: new[] { "TenantId", "HandledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeInquiries_TenantId_ListingId_CreatedAt",
                table: "OfficeInquiries",
                columns: new[] { "TenantId", "ListingId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeInquiries_UserId",
                table: "OfficeInquiries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeNotes_AuthorUserId",
                table: "OfficeNotes",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeNotes_ListingId",
                table: "OfficeNotes",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeNotes_TenantId_ListingId_CreatedAt",
                table: "OfficeNotes",
                columns: new[] { "TenantId", "ListingId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PoliceClearances_TenantId_VolunteerUserId",
                table: "PoliceClearances",
                columns: new[] { "TenantId", "VolunteerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoliceClearances_VolunteerUserId",
                table: "PoliceClearances",
                column: "VolunteerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_MatchId",
                table: "VolunteerHours",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_OrganisationId",
                table: "VolunteerHours",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_TenantId_Status_WorkedOn",
                table: "VolunteerHours",
                columns: new[] { "TenantId", "Status", "WorkedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_TenantId_UserId_WorkedOn",
                table: "VolunteerHours",
                columns: new[] { "TenantId", "UserId", "WorkedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_UserId",
                table: "VolunteerHours",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProfiles_TenantId_UserId",
                table: "VolunteerProfiles",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProfiles_UserId",
                table: "VolunteerProfiles",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Matches_AspNetUsers_VolunteerUserId",
                table: "Matches",
                column: "VolunteerUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Matches_AspNetUsers_VolunteerUserId",
                table: "Matches");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IntakeContacts");

            migrationBuilder.DropTable(
                name: "OfficeInquiries");

            migrationBuilder.DropTable(
                name: "OfficeNotes");

            migrationBuilder.DropTable(
                name: "PoliceClearances");

            migrationBuilder.DropTable(
                name: "VolunteerHours");

            migrationBuilder.DropTable(
                name: "VolunteerProfiles");

            migrationBuilder.DropIndex(
                name: "IX_Matches_TenantId_OfferListingId",
                table: "Matches");

            migrationBuilder.DropIndex(
                name: "IX_Matches_TenantId_VolunteerUserId",
                table: "Matches");

            migrationBuilder.DropIndex(
                name: "IX_Matches_VolunteerUserId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "ClearanceValidYears",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "HourlyRate",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "AnswerDueAt",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "FeedbackRequestedAt",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferFeedback_At",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferFeedback_Comment",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferFeedback_Happened",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferFeedback_Rating",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "OfferSharesContact",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestFeedback_At",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestFeedback_Comment",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestFeedback_Happened",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestFeedback_Rating",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "RequestSharesContact",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "VolunteerUserId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "AssignedToUserId",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "OfficeStatus",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "NeighbourIds",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "RequiresClearance",
                table: "Categories");
        }
    }
}
