using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<decimal>(
                name: "HourlyRate",
                table: "Tenants",
                type: "numeric",
                nullable: false,
                defaultValue: 15m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnswerDueAt",
                table: "Matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                table: "Matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndReason",
                table: "Matches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Matches",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FeedbackRequestedAt",
                table: "Matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OfferFeedback_At",
                table: "Matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferFeedback_Comment",
                table: "Matches",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferFeedback_Happened",
                table: "Matches",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferFeedback_Rating",
                table: "Matches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferSharesContact",
                table: "Matches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RequestFeedback_At",
                table: "Matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestFeedback_Comment",
                table: "Matches",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestFeedback_Happened",
                table: "Matches",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestFeedback_Rating",
                table: "Matches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestSharesContact",
                table: "Matches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "VolunteerUserId",
                table: "Matches",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToUserId",
                table: "Listings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfficeStatus",
                table: "Listings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<int>>(
                name: "NeighbourIds",
                table: "Districts",
                type: "integer[]",
                nullable: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresClearance",
                table: "Categories",
                type: "boolean",
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorUserId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReferenceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedByUserId = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandledByUserId = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerUserId = table.Column<string>(type: "text", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InspectedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentFor = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    MatchId = table.Column<int>(type: "integer", nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    WorkedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Activity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    IsAvailable = table.Column<bool>(type: "boolean", nullable: false),
                    SkillCategoryIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    DistrictIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Mobility = table.Column<int>(type: "integer", nullable: false),
                    HoursPerMonth = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
