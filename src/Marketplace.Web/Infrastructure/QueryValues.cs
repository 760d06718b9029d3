using System.Globalization;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Filter values read straight from the query string, as the model binder reads them (the first value, invariant
/// culture; a value that does not parse is absent). For the office's most used page, where binding three filters cost
/// more than the page's own work on a kept answer (bench/README, "Office pages"); its charts page reads the same way.
/// </summary>
public static class QueryValues
{
    public static int? Int(IQueryCollection query, string name) =>
        int.TryParse(First(query, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? Date(IQueryCollection query, string name) =>
        DateOnly.TryParse(First(query, name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static string? First(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
