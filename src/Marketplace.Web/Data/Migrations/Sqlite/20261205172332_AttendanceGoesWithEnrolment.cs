using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttendanceGoesWithEnrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attendances_Enrolments_EnrolmentId",
                table: "Attendances");

            migrationBuilder.AddForeignKey(
                name: "FK_Attendances_Enrolments_EnrolmentId",
                table: "Attendances",
                column: "EnrolmentId",
                principalTable: "Enrolments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attendances_Enrolments_EnrolmentId",
                table: "Attendances");

            migrationBuilder.AddForeignKey(
                name: "FK_Attendances_Enrolments_EnrolmentId",
                table: "Attendances",
                column: "EnrolmentId",
                principalTable: "Enrolments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
