using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DefaultCategoryTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Towns created before the sub-categories had these names get them where the defaults are untouched.
            foreach (var statement in DefaultCategoryNamesSql.Postgres("ar", "fa", "uk"))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: a filled name cannot be told from one a coordinator typed, and either reads fine before.
        }
    }
}
