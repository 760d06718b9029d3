namespace Marketplace.Web.Domain;

/// <summary>How a cell of the gap matrix stands.</summary>
public enum CellBalance
{
    Quiet = 0,
    Balanced = 1,
    Gap = 2,
    Surplus = 3,
}

/// <summary>
/// One cell (top category × district) of a week: requests and offers open at the week's end, the lingering ones
/// (<see cref="WeeklySupply.StaleAtWeekEnd"/>) and the volunteers available.
/// </summary>
public sealed record SupplyCell(int CategoryId, int DistrictId, int OpenRequests, int WaitingRequests, int OpenOffers, int IdleOffers,
    int VolunteersAvailable)
{
    /// <summary>What could serve a request here: open offers and available volunteers.</summary>
    public int Helpers => OpenOffers + VolunteersAvailable;
}

/// <summary>
/// The definitions of a gap and a surplus (town settings on <see cref="Tenant"/>, defaults here). A gap: requests
/// waiting longer than <see cref="Tenant.GapWaitingDays"/> that no offer or volunteer of the cell or of a neighbouring
/// district could serve. A surplus: offers with no contact, proposal or match for <see cref="Tenant.SurplusIdleDays"/>
/// and no open request in the cell.
/// </summary>
public static class GapRules
{
    public const int DefaultWaitingDays = 7;
    public const int DefaultIdleDays = 30;

    /// <summary>Alert: a cell with at least this many open requests, rising two weeks in a row.</summary>
    public const int DefaultAlertOpenRequests = 5;

    /// <summary>Alert: the median time to match of a category above this many days.</summary>
    public const int DefaultAlertMedianDays = 14;

    /// <summary>Alert: a cell in surplus this many weeks in a row.</summary>
    public const int DefaultAlertSurplusWeeks = 4;

    /// <summary>Public figures below this count show as "fewer than 3" (small-cell suppression).</summary>
    public const int PublicMinimumCount = 3;

    /// <param name="neighbours">The same category's cells in the districts next to this one.</param>
    public static CellBalance Classify(SupplyCell cell, IEnumerable<SupplyCell> neighbours)
    {
        if (cell.WaitingRequests > 0 && cell.Helpers == 0 && neighbours.All(n => n.Helpers == 0))
        {
            return CellBalance.Gap;
        }

        if (cell.IdleOffers > 0 && cell.OpenRequests == 0)
        {
            return CellBalance.Surplus;
        }

        return cell.OpenRequests == 0 && cell.Helpers == 0 ? CellBalance.Quiet : CellBalance.Balanced;
    }
}
