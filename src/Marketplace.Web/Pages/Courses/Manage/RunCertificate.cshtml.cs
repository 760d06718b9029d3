using Marketplace.Web.Courses;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>A certificate (Teilnahmebescheinigung) as PDF: for its holder and the course's managers; a 404 for anyone else.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class RunCertificateModel(CourseCertificates certificates, CertificatePdf pdf, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int enrolmentId)
    {
        if (await certificates.ForReaderAsync(enrolmentId) is not { } facts)
        {
            return NotFound();
        }

        return File(pdf.Render(facts, l), "application/pdf", $"teilnahmebescheinigung-{facts.Code}.pdf");
    }
}
