using System.Globalization;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Budgets;

/// <summary>How far a plan line is used: a warning at 80 %, full at 100 % of its approved amount (BudgetRules).</summary>
public enum LineUse
{
    Open,
    Warning,
    Full,
}

/// <summary>Money as pages show it: euros in the reader's culture (the unit comes from the resource "Budgets_Euros").</summary>
public static class BudgetFigures
{
    public static string Euros(long cents) => Money.ToEuros(cents).ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>The amount as a form field shows it for editing: no thousands separator, the reader's decimal sign.</summary>
    public static string Field(long cents) => Money.ToEuros(cents).ToString("0.00", CultureInfo.CurrentCulture);

    public static LineUse UseOf(long spentCents, long approvedCents) => BudgetRules.UsedPercent(spentCents, approvedCents) switch
    {
        >= BudgetRules.LineFullPercent => LineUse.Full,
        >= BudgetRules.LineWarnPercent => LineUse.Warning,
        _ => LineUse.Open,
    };
}
