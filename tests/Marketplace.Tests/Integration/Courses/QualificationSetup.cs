using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>Qualifications, categories that require them, courses that grant them and grants, written as the office would leave them.</summary>
public static class QualificationSetup
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static Task<int> QualificationAsync(this MarketplaceFactory app, string slug, string germanName, params int[] includes) =>
        app.InTownAsync(slug, async db =>
        {
            var qualification = new Qualification
            {
                Key = $"q-{Guid.NewGuid():N}"[..20], Names = TranslatedText.InGerman(germanName), IncludesQualificationIds = [.. includes],
            };
            db.Qualifications.Add(qualification);
            await db.SaveChangesAsync();
            return qualification.Id;
        });

    /// <summary>A fresh top-level category whose helpers need the qualifications; returns its key.</summary>
    public static Task<string> CategoryRequiringAsync(this MarketplaceFactory app, string slug, params int[] qualifications) =>
        app.InTownAsync(slug, async db =>
        {
            var category = new Category { Key = $"c-{Guid.NewGuid():N}"[..20], Names = TranslatedText.InGerman("Begleitung zum Kinderturnen"), SortOrder = 900 };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            db.CategoryQualifications.AddRange(qualifications.Select(q => new CategoryQualification { CategoryId = category.Id, QualificationId = q }));
            await db.SaveChangesAsync();
            return category.Key;
        });

    public static async Task GrantAsync(this MarketplaceFactory app, string slug, string userName, int qualification, DateOnly grantedOn, DateOnly? validUntil)
    {
        var userId = await app.UserIdAsync(userName);
        var office = await app.UserIdAsync(slug + "-koordination");
        await app.InTownAsync(slug, async db =>
        {
            db.QualificationGrants.Add(new QualificationGrant
            {
                QualificationId = qualification, UserId = userId, GrantedOn = grantedOn, ValidUntil = validUntil, ConfirmedByUserId = office,
                RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// A course of the office granting the qualifications for <paramref name="validMonths"/>, with one run that ended
    /// yesterday (completed by the given members and, when asked, one person without account) and one planned run.
    /// </summary>
    public static Task<(int Course, int EndedRun, int PlannedRun)> CourseAsync(this MarketplaceFactory app, string slug, int[] grants, int? validMonths,
        string[] completedBy, bool withPersonWithoutAccount = false) =>
        app.InTownAsync(slug, async db =>
        {
            var course = new Course
            {
                Kind = CourseKind.VolunteerQualification, Title = $"Erste Hilfe am Kind {Guid.NewGuid():N}"[..28], TeachingUnits = 9,
                QualificationValidMonths = validMonths, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            db.CourseQualifications.AddRange(grants.Select(q => new CourseQualification { CourseId = course.Id, QualificationId = q }));
            var district = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            var ended = new CourseRun
            {
                CourseId = course.Id, StartsOn = Today.AddDays(-3), EndsOn = Today.AddDays(-1), DistrictId = district, MinParticipants = 1,
                MaxParticipants = 12, Status = CourseRunStatus.Completed, CreatedAt = DateTimeOffset.UtcNow,
            };
            var planned = new CourseRun
            {
                CourseId = course.Id, StartsOn = Today.AddDays(20), EndsOn = Today.AddDays(21), DistrictId = district, MinParticipants = 1,
                MaxParticipants = 12, Status = CourseRunStatus.Planned, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CourseRuns.AddRange(ended, planned);
            await db.SaveChangesAsync();
            var people = new List<CourseParticipant>();
            foreach (var userName in completedBy)
            {
                var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
                people.Add(await db.CourseParticipants.SingleOrDefaultAsync(p => p.UserId == userId)
                           ?? new CourseParticipant { UserId = userId, Culture = "de", CreatedAt = DateTimeOffset.UtcNow });
            }

            if (withPersonWithoutAccount)
            {
                people.Add(new CourseParticipant { Name = "Samira Haddad", Culture = "ar", ReferenceCode = $"{Guid.NewGuid():N}"[..8].ToUpperInvariant(), CreatedAt = DateTimeOffset.UtcNow });
            }

            foreach (var person in people.Where(p => p.Id == 0))
            {
                db.CourseParticipants.Add(person);
            }

            await db.SaveChangesAsync();
            db.Enrolments.AddRange(people.Select(p => new Enrolment
            {
                RunId = ended.Id, ParticipantId = p.Id, Status = EnrolmentStatus.Completed, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-10),
                CompletedAt = DateTimeOffset.UtcNow.AddDays(-1),
            }));
            await db.SaveChangesAsync();
            return (course.Id, ended.Id, planned.Id);
        });
}
