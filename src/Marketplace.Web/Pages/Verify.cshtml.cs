using Marketplace.Web.Courses;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Pages;

/// <summary>
/// The public check of a certificate's code, where its QR code leads: initials, course, provider, date and "valid" only.
/// An unknown code, or one of another town, is a 404; look-ups are rate-limited so codes cannot be tried in bulk.
/// </summary>
[HostScope(HostScope.Town)]
[EnableRateLimiting(CourseDeskRoutes.VerifyPolicy)]
public sealed class VerifyModel(CourseCertificates certificates) : PageModel
{
    public VerifiedCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await certificates.VerifyAsync(code) is not { } certificate)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }
}
