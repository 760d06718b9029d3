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
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Courses/Manage/Seats", Pages.Courses.Manage.SeatsModel.OfficePath));
        return services;
    }
}
