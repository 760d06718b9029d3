using Marketplace.Web.Jobs;

namespace Marketplace.Web.Courses;

public static class CoursesServices
{
    /// <summary>Courses' shared work: participants, seats and the waiting list, attendance, certificates, qualifications.</summary>
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddScoped<CourseParticipants>();
        services.AddScoped<CourseAccess>();
        services.AddScoped<CourseSeats>();
        services.AddScoped<CourseSeatMailer>();
        services.AddScoped<MySeats>();
        services.AddScoped<AttendanceRecords>();
        services.AddScoped<CourseCompletion>();
        services.AddScoped<AttendanceExport>();
        services.AddScoped<CourseCertificates>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<LowEnrolmentNotices>();
        services.AddScoped<CourseNoticesJob>();
        CourseDeskRoutes.Add(services);
        services.AddScoped<QualificationGrants>();
        services.AddScoped<QualificationReminders>();
        services.AddScoped<LanguageCourseDemand>();
        services.AddScoped<Jobs.QualificationsJob>();
        return services;
    }
}
