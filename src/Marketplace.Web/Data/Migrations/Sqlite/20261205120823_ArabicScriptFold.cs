using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Both search indexes read the Arabic script as one spelling (SearchText.ArabicScript): dropped and created again over the
    /// folding views, and filled from the listings already there. Raw SQL only: the model is unchanged.
    /// </summary>
    public partial class ArabicScriptFold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Create);
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Version2.Create);
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Version1.Create);
        }
    }
}
