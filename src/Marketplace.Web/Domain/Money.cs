namespace Marketplace.Web.Domain;

/// <summary>
/// Amounts of money are euros held as whole cents in a <c>long</c> (properties named …Cents). An integer column sums,
/// compares and sorts in SQL on SQLite as on PostgreSQL; SQLite keeps a decimal as text and can do none of that.
/// Forms read euros and pages show euros: these two convert at that edge.
/// </summary>
public static class Money
{
    /// <summary>Euros to cents, half a cent rounded away from zero (forms accept at most two decimals anyway).</summary>
    public static long ToCents(decimal euros) => (long)decimal.Round(euros * 100m, MidpointRounding.AwayFromZero);

    public static decimal ToEuros(long cents) => cents / 100m;
}
