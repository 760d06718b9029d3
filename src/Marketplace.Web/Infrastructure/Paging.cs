namespace Marketplace.Web.Infrastructure;

/// <summary>Numbered pages of a list ("?p=3", the first page is 1).</summary>
public static class Paging
{
    /// <summary>
    /// The rows before the page. Multiplied in int, a page number near int.MaxValue wrapped to a negative skip, which
    /// PostgreSQL refuses as an OFFSET; any page past the last row is empty, so a skip beyond int.MaxValue is capped there.
    /// </summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min((Math.Max(page, 1) - 1L) * pageSize, int.MaxValue);
}
