using Marketplace.Web.Domain;

namespace Marketplace.Web.Pages.Reports;

/// <summary>What the report link in <c>Pages/Shared/_ReportLink.cshtml</c> points at, and where the reporter returns afterwards (a local path).</summary>
public sealed record ReportLinkModel(ReportTarget Type, string Id, string ReturnUrl);
