using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Budgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "KilometreRateCents",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "OwnResponsibilityBudgetCents",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SecondApprovalAboveCents",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AllocatedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EligibleLines = table.Column<int>(type: "INTEGER", nullable: false),
                    CoFinancingPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ProofDueMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CountsVolunteerHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                    table.CheckConstraint("CK_Funds_Allocated", "\"AllocatedCents\" >= 0 AND \"AllocatedCents\" <= \"AmountCents\"");
                    table.ForeignKey(
                        name: "FK_Funds_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GoalArea = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EffectGoal = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Influence = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnResponsibility = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppliedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectBudgets", x => x.Id);
                    table.CheckConstraint("CK_ProjectBudgets_Spent", "\"SpentCents\" >= 0 AND \"SpentCents\" <= \"GrantedCents\"");
                    table.ForeignKey(
                        name: "FK_ProjectBudgets_AspNetUsers_AppliedByUserId",
                        column: x => x.AppliedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectBudgets_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectBudgets_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetPlanLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectBudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RequestedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetPlanLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetPlanLines_ProjectBudgets_ProjectBudgetId",
                        column: x => x.ProjectBudgetId,
                        principalTable: "ProjectBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectBudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Influence = table.Column<int>(type: "INTEGER", nullable: false),
                    StarterKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShortfallNoticeFor = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_ProjectBudgets_ProjectBudgetId",
                        column: x => x.ProjectBudgetId,
                        principalTable: "ProjectBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Expenses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectBudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    PayeeIsBusiness = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReimbursementType = table.Column<int>(type: "INTEGER", nullable: true),
                    Kilometres = table.Column<int>(type: "INTEGER", nullable: true),
                    KilometreRateCents = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    HoursEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    PayeeIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstApprovedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    FirstApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    PaidByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiptDeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expenses", x => x.Id);
                    table.CheckConstraint("CK_Expenses_Amount", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_Expenses_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Expenses_BudgetPlanLines_PlanLineId",
                        column: x => x.PlanLineId,
                        principalTable: "BudgetPlanLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Expenses_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Expenses_ProjectBudgets_ProjectBudgetId",
                        column: x => x.ProjectBudgetId,
                        principalTable: "ProjectBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Expenses_VolunteerHours_HoursEntryId",
                        column: x => x.HoursEntryId,
                        principalTable: "VolunteerHours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpenseReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpenseReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpenseReceipts_Expenses_ExpenseId",
                        column: x => x.ExpenseId,
                        principalTable: "Expenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetPlanLines_ProjectBudgetId",
                table: "BudgetPlanLines",
                column: "ProjectBudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetPlanLines_TenantId_ProjectBudgetId_Line",
                table: "BudgetPlanLines",
                columns: new[] { "TenantId", "ProjectBudgetId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpenseReceipts_ExpenseId",
                table: "ExpenseReceipts",
                column: "ExpenseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpenseReceipts_TenantId_ExpenseId",
                table: "ExpenseReceipts",
                columns: new[] { "TenantId", "ExpenseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_HoursEntryId",
                table: "Expenses",
                column: "HoursEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_MatchId",
                table: "Expenses",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_PlanLineId",
                table: "Expenses",
                column: "PlanLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_ProjectBudgetId",
                table: "Expenses",
                column: "ProjectBudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_SubmittedByUserId",
                table: "Expenses",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_TenantId_ProjectBudgetId_SpentOn",
                table: "Expenses",
                columns: new[] { "TenantId", "ProjectBudgetId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_TenantId_Status_SubmittedAt",
                table: "Expenses",
                columns: new[] { "TenantId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_TenantId_SubmittedByUserId_SpentOn",
                table: "Expenses",
                columns: new[] { "TenantId", "SubmittedByUserId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Funds_TenantId_EndsOn",
                table: "Funds",
                columns: new[] { "TenantId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProjectBudgetId",
                table: "Indicators",
                column: "ProjectBudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_TenantId_ProjectBudgetId",
                table: "Indicators",
                columns: new[] { "TenantId", "ProjectBudgetId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_RecordedByUserId",
                table: "IndicatorValues",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_TenantId_IndicatorId_PeriodStart",
                table: "IndicatorValues",
                columns: new[] { "TenantId", "IndicatorId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_AppliedByUserId",
                table: "ProjectBudgets",
                column: "AppliedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_FundId",
                table: "ProjectBudgets",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_OrganisationId",
                table: "ProjectBudgets",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_TenantId_FundId",
                table: "ProjectBudgets",
                columns: new[] { "TenantId", "FundId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_TenantId_OrganisationId",
                table: "ProjectBudgets",
                columns: new[] { "TenantId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBudgets_TenantId_Status_AppliedAt",
                table: "ProjectBudgets",
                columns: new[] { "TenantId", "Status", "AppliedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpenseReceipts");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "Expenses");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "BudgetPlanLines");

            migrationBuilder.DropTable(
                name: "ProjectBudgets");

            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropColumn(
                name: "KilometreRateCents",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "OwnResponsibilityBudgetCents",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SecondApprovalAboveCents",
                table: "Tenants");
        }
    }
}
