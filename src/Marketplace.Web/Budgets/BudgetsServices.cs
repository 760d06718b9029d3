namespace Marketplace.Web.Budgets;

public static class BudgetsServices
{
    /// <summary>Money's shared work: funds and project budgets, expenses and reimbursements, proof of use, effects.</summary>
    public static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddScoped<BudgetAccess>();
        // slice budgets: funds, applications, review
        services.AddScoped<BudgetReviews>();
        services.AddScoped<BudgetMailer>();
        // end budgets
        // slice expenses: expenses, receipts, approvals, payments
        services.AddScoped<ExpenseApprovals>();
        services.AddScoped<ExpenseMailer>();
        services.AddScoped<ExpenseSubmissions>();
        services.AddScoped<ExpenseReceiptRetention>();
        services.AddScoped<ExpenseReceiptRetentionJob>();
        services.AddScoped<PaymentExport>();
        // end expenses
        // slice reimbursements: volunteers' claims, allowances, proof of use, transparency
        services.AddScoped<ReimbursementClaims>();
        services.AddScoped<ReimbursementAllowances>();
        services.AddScoped<TransparencyLedger>();
        // end reimbursements
        // slice effects: indicators, effect report
        services.AddScoped<Indicators>();
        services.AddScoped<ShortfallNotices>();
        services.AddScoped<Marketplace.Web.Jobs.ShortfallNoticesJob>();
        services.AddScoped<EffectReports>();
        services.AddScoped<EffectReportPdf>();
        services.AddScoped<ProofsOfUse>();
        services.AddScoped<ProofOfUseExport>();
        // end effects
        return services;
    }
}
