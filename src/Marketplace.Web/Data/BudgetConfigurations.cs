using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(Fund.NameMaxLength);
        builder.Property(f => f.Programme).HasMaxLength(Fund.NameMaxLength);
        builder.Property(f => f.Note).HasMaxLength(Fund.NoteMaxLength);
        builder.Ignore(f => f.RemainingCents);
        builder.HasIndex(f => new { f.TenantId, f.EndsOn });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
        // Allocation can only grow to the amount: checked in the one statement that changes it (Budgets/).
        builder.ToTable(t => t.HasCheckConstraint("CK_Funds_Allocated", "\"AllocatedCents\" >= 0 AND \"AllocatedCents\" <= \"AmountCents\""));
    }
}

internal sealed class ProjectBudgetConfiguration : IEntityTypeConfiguration<ProjectBudget>
{
    public void Configure(EntityTypeBuilder<ProjectBudget> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(ProjectBudget.TitleMaxLength);
        builder.Property(b => b.Description).HasMaxLength(ProjectBudget.TextMaxLength);
        builder.Property(b => b.Goals).HasMaxLength(ProjectBudget.TextMaxLength);
        builder.Property(b => b.ReportText).HasMaxLength(ProjectBudget.TextMaxLength);
        builder.Property(b => b.DecisionNote).HasMaxLength(ProjectBudget.TextMaxLength);
        builder.Property(b => b.GoalArea).HasMaxLength(ProjectBudget.ShortTextMaxLength);
        builder.Property(b => b.EffectGoal).HasMaxLength(ProjectBudget.ShortTextMaxLength);
        builder.Property(b => b.TargetGroup).HasMaxLength(ProjectBudget.ShortTextMaxLength);
        builder.Ignore(b => b.RemainingCents);
        builder.HasIndex(b => new { b.TenantId, b.Status, b.AppliedAt });
        builder.HasIndex(b => new { b.TenantId, b.OrganisationId });
        builder.HasIndex(b => new { b.TenantId, b.FundId });
        builder.HasOne(b => b.Organisation).WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Fund).WithMany().HasForeignKey(b => b.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.AppliedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Lines).WithOne().HasForeignKey(l => l.ProjectBudgetId).OnDelete(DeleteBehavior.Cascade);
        // The budget never goes below zero, whatever writes to it.
        builder.ToTable(t => t.HasCheckConstraint("CK_ProjectBudgets_Spent", "\"SpentCents\" >= 0 AND \"SpentCents\" <= \"GrantedCents\""));
    }
}

internal sealed class BudgetPlanLineConfiguration : IEntityTypeConfiguration<BudgetPlanLine>
{
    public void Configure(EntityTypeBuilder<BudgetPlanLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(BudgetPlanLine.DescriptionMaxLength);
        builder.HasIndex(l => new { l.TenantId, l.ProjectBudgetId, l.Line }).IsUnique();
    }
}

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.Property(e => e.Payee).HasMaxLength(Expense.PayeeMaxLength);
        builder.Property(e => e.Purpose).HasMaxLength(Expense.PurposeMaxLength);
        builder.Property(e => e.DecisionReason).HasMaxLength(Expense.ReasonMaxLength);
        builder.Property(e => e.PaymentReference).HasMaxLength(Expense.ReferenceMaxLength);
        builder.Property(e => e.PayeeIban).HasMaxLength(Expense.IbanMaxLength);
        // The office's queue (by state, oldest first), a project's ledger (by date), a volunteer's own claims.
        builder.HasIndex(e => new { e.TenantId, e.Status, e.SubmittedAt });
        builder.HasIndex(e => new { e.TenantId, e.ProjectBudgetId, e.SpentOn });
        builder.HasIndex(e => new { e.TenantId, e.SubmittedByUserId, e.SpentOn });
        builder.HasOne(e => e.ProjectBudget).WithMany().HasForeignKey(e => e.ProjectBudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.PlanLine).WithMany().HasForeignKey(e => e.PlanLineId).OnDelete(DeleteBehavior.Restrict);
        // A deleted account's claims stay (the money was spent), its name goes: Privacy/ reassigns them before deleting.
        builder.HasOne(e => e.SubmittedBy).WithMany().HasForeignKey(e => e.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Match>().WithMany().HasForeignKey(e => e.MatchId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<VolunteerHours>().WithMany().HasForeignKey(e => e.HoursEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_Expenses_Amount", "\"AmountCents\" > 0"));
    }
}

internal sealed class ExpenseReceiptConfiguration : IEntityTypeConfiguration<ExpenseReceipt>
{
    public void Configure(EntityTypeBuilder<ExpenseReceipt> builder)
    {
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.FileName).HasMaxLength(ExpenseReceipt.FileNameMaxLength);
        builder.HasIndex(r => new { r.TenantId, r.ExpenseId });
        builder.HasOne<Expense>().WithMany().HasForeignKey(r => r.ExpenseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
        builder.Property(i => i.Definition).HasMaxLength(Indicator.TextMaxLength);
        builder.Property(i => i.Unit).HasMaxLength(Indicator.ShortTextMaxLength);
        builder.Property(i => i.Source).HasMaxLength(Indicator.ShortTextMaxLength);
        builder.Property(i => i.TargetGroup).HasMaxLength(Indicator.ShortTextMaxLength);
        builder.Property(i => i.StarterKey).HasMaxLength(Indicator.ShortTextMaxLength);
        builder.HasIndex(i => new { i.TenantId, i.ProjectBudgetId });
        builder.HasOne<ProjectBudget>().WithMany().HasForeignKey(i => i.ProjectBudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(IndicatorValue.NoteMaxLength);
        builder.HasIndex(v => new { v.TenantId, v.IndicatorId, v.PeriodStart }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
