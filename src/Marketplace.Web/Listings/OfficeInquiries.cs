using Marketplace.Web.Data;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Listings;

/// <summary>Questions to the office about listings in office mode; the dashboard counts the open ones.</summary>
public static class OfficeInquiries
{
    /// <summary>Not yet handled, in the current town (through the tenant filter).</summary>
    public static IQueryable<OfficeInquiry> Open(AppDbContext db) => db.OfficeInquiries.Where(i => i.HandledAt == null);
}
