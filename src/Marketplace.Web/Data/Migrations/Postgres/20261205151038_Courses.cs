using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Courses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeatOfferHours",
                table: "Tenants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CourseParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReferenceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseParticipants_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    LanguageCourseType = table.Column<int>(type: "integer", nullable: true),
                    TargetLevel = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    TeachingUnits = table.Column<int>(type: "integer", nullable: false),
                    InstructionLanguages = table.Column<List<string>>(type: "text[]", nullable: false),
                    AccessibilityNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ChildcareOffered = table.Column<bool>(type: "boolean", nullable: false),
                    ChildcareNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FeeCents = table.Column<long>(type: "bigint", nullable: false),
                    FeeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MinimumAttendancePercent = table.Column<int>(type: "integer", nullable: false),
                    RequiresPass = table.Column<bool>(type: "boolean", nullable: false),
                    QualificationValidMonths = table.Column<int>(type: "integer", nullable: true),
                    LeaveDeadlineDays = table.Column<int>(type: "integer", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    WaitingSequence = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_Organisations_ProviderOrganisationId",
                        column: x => x.ProviderOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Courses_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LanguageCourseGroupSizes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseType = table.Column<int>(type: "integer", nullable: false),
                    MinimumParticipants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageCourseGroupSizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LanguageCourseGroupSizes_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Names = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IncludesQualificationIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualifications_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    IsOnline = table.Column<bool>(type: "boolean", nullable: false),
                    PlaceNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MinParticipants = table.Column<int>(type: "integer", nullable: false),
                    MaxParticipants = table.Column<int>(type: "integer", nullable: false),
                    DayParts = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LowEnrolmentNoticeSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseRuns_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseRuns_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CategoryQualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    QualificationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryQualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryQualifications_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CategoryQualifications_Qualifications_QualificationId",
                        column: x => x.QualificationId,
                        principalTable: "Qualifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseQualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    QualificationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseQualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseQualifications_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseQualifications_Qualifications_QualificationId",
                        column: x => x.QualificationId,
                        principalTable: "Qualifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CourseMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TeachingUnits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseMeetings_CourseRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CourseRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnrolledByUserId = table.Column<string>(type: "text", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    CertificateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_CourseParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CourseParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Enrolments_CourseRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CourseRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LanguageCourseInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    CourseType = table.Column<int>(type: "integer", nullable: false),
                    CurrentLevel = table.Column<int>(type: "integer", nullable: true),
                    LevelAssessed = table.Column<bool>(type: "boolean", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    DayParts = table.Column<int>(type: "integer", nullable: false),
                    ChildcareNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReferredRunId = table.Column<int>(type: "integer", nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageCourseInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LanguageCourseInterests_CourseParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CourseParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LanguageCourseInterests_CourseRuns_ReferredRunId",
                        column: x => x.ReferredRunId,
                        principalTable: "CourseRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LanguageCourseInterests_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitingListEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    DistrictIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DayParts = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitingListEntries_CourseParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CourseParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitingListEntries_CourseRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CourseRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitingListEntries_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    EnrolmentId = table.Column<int>(type: "integer", nullable: false),
                    Mark = table.Column<int>(type: "integer", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_CourseMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CourseMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attendances_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualificationGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SourceEnrolmentId = table.Column<int>(type: "integer", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentFor = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualificationGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualificationGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualificationGrants_Enrolments_SourceEnrolmentId",
                        column: x => x.SourceEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_QualificationGrants_Qualifications_QualificationId",
                        column: x => x.QualificationId,
                        principalTable: "Qualifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    WaitingListEntryId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatOffers_CourseRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CourseRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeatOffers_WaitingListEntries_WaitingListEntryId",
                        column: x => x.WaitingListEntryId,
                        principalTable: "WaitingListEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_EnrolmentId",
                table: "Attendances",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_MeetingId",
                table: "Attendances",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_TenantId_EnrolmentId",
                table: "Attendances",
                columns: new[] { "TenantId", "EnrolmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_TenantId_MeetingId_EnrolmentId",
                table: "Attendances",
                columns: new[] { "TenantId", "MeetingId", "EnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoryQualifications_CategoryId",
                table: "CategoryQualifications",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryQualifications_QualificationId",
                table: "CategoryQualifications",
                column: "QualificationId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryQualifications_TenantId_CategoryId_QualificationId",
                table: "CategoryQualifications",
                columns: new[] { "TenantId", "CategoryId", "QualificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseMeetings_RunId",
                table: "CourseMeetings",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseMeetings_TenantId_RunId_Date",
                table: "CourseMeetings",
                columns: new[] { "TenantId", "RunId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CourseParticipants_TenantId_ReferenceCode",
                table: "CourseParticipants",
                columns: new[] { "TenantId", "ReferenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseParticipants_TenantId_UserId",
                table: "CourseParticipants",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseParticipants_UserId",
                table: "CourseParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseQualifications_CourseId",
                table: "CourseQualifications",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseQualifications_QualificationId",
                table: "CourseQualifications",
                column: "QualificationId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseQualifications_TenantId_CourseId_QualificationId",
                table: "CourseQualifications",
                columns: new[] { "TenantId", "CourseId", "QualificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseRuns_CourseId",
                table: "CourseRuns",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseRuns_DistrictId",
                table: "CourseRuns",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseRuns_TenantId_CourseId_StartsOn",
                table: "CourseRuns",
                columns: new[] { "TenantId", "CourseId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CourseRuns_TenantId_Status_StartsOn",
                table: "CourseRuns",
                columns: new[] { "TenantId", "Status", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_ProviderOrganisationId",
                table: "Courses",
                column: "ProviderOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_TenantId_CreatedAt",
                table: "Courses",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_TenantId_Kind_IsWithdrawn",
                table: "Courses",
                columns: new[] { "TenantId", "Kind", "IsWithdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_TenantId_ProviderOrganisationId",
                table: "Courses",
                columns: new[] { "TenantId", "ProviderOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ParticipantId",
                table: "Enrolments",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_RunId",
                table: "Enrolments",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_TenantId_CertificateCode",
                table: "Enrolments",
                columns: new[] { "TenantId", "CertificateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_TenantId_ParticipantId",
                table: "Enrolments",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_TenantId_RunId_Status",
                table: "Enrolments",
                columns: new[] { "TenantId", "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseGroupSizes_TenantId_CourseType",
                table: "LanguageCourseGroupSizes",
                columns: new[] { "TenantId", "CourseType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseInterests_DistrictId",
                table: "LanguageCourseInterests",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseInterests_ParticipantId",
                table: "LanguageCourseInterests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseInterests_ReferredRunId",
                table: "LanguageCourseInterests",
                column: "ReferredRunId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseInterests_TenantId_ParticipantId",
                table: "LanguageCourseInterests",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_LanguageCourseInterests_TenantId_Status_CourseType_District~",
                table: "LanguageCourseInterests",
                columns: new[] { "TenantId", "Status", "CourseType", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_QualificationId",
                table: "QualificationGrants",
                column: "QualificationId");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_SourceEnrolmentId",
                table: "QualificationGrants",
                column: "SourceEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_TenantId_SourceEnrolmentId_Qualificatio~",
                table: "QualificationGrants",
                columns: new[] { "TenantId", "SourceEnrolmentId", "QualificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_TenantId_UserId_QualificationId",
                table: "QualificationGrants",
                columns: new[] { "TenantId", "UserId", "QualificationId" });

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_TenantId_ValidUntil",
                table: "QualificationGrants",
                columns: new[] { "TenantId", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_QualificationGrants_UserId",
                table: "QualificationGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_TenantId_Key",
                table: "Qualifications",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_RunId",
                table: "SeatOffers",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_TenantId_RunId_Status",
                table: "SeatOffers",
                columns: new[] { "TenantId", "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_TenantId_Status_ExpiresAt",
                table: "SeatOffers",
                columns: new[] { "TenantId", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_WaitingListEntryId",
                table: "SeatOffers",
                column: "WaitingListEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingListEntries_CourseId",
                table: "WaitingListEntries",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingListEntries_ParticipantId",
                table: "WaitingListEntries",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingListEntries_RunId",
                table: "WaitingListEntries",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingListEntries_TenantId_CourseId_Status_Sequence",
                table: "WaitingListEntries",
                columns: new[] { "TenantId", "CourseId", "Status", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitingListEntries_TenantId_ParticipantId",
                table: "WaitingListEntries",
                columns: new[] { "TenantId", "ParticipantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "CategoryQualifications");

            migrationBuilder.DropTable(
                name: "CourseQualifications");

            migrationBuilder.DropTable(
                name: "LanguageCourseGroupSizes");

            migrationBuilder.DropTable(
                name: "LanguageCourseInterests");

            migrationBuilder.DropTable(
                name: "QualificationGrants");

            migrationBuilder.DropTable(
                name: "SeatOffers");

            migrationBuilder.DropTable(
                name: "CourseMeetings");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Qualifications");

            migrationBuilder.DropTable(
                name: "WaitingListEntries");

            migrationBuilder.DropTable(
                name: "CourseParticipants");

            migrationBuilder.DropTable(
                name: "CourseRuns");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropColumn(
                name: "SeatOfferHours",
                table: "Tenants");
        }
    }
}
