namespace Marketplace.Web.Budgets;

public static class BudgetsServices
{
    /// <summary>Money's shared work: funds and project budgets, expenses and reimbursements, proof of use, effects.</summary>
    public static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddScoped<BudgetAccess>();
        // slice budgets: funds, applications, review
        // end budgets
        // slice expenses: expenses, receipts, approvals, payments
        // end expenses
        // slice reimbursements: volunteers' claims, allowances, proof of use, transparency
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
