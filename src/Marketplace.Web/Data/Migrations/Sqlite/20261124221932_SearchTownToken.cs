using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index keys the town by one token instead of a five-token phrase and keeps word prefixes, so a search reads a
    /// few short lists instead of merging many (see SqliteListingSearch).
    /// </summary>
    public partial class SearchTownToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Version1.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Version2.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Drop);
            migrationBuilder.Sql(SqliteListingSearch.Version1.Create);
            migrationBuilder.Sql("INSERT INTO ListingSearch(ListingSearch) VALUES ('rebuild');");
        }
    }
}
