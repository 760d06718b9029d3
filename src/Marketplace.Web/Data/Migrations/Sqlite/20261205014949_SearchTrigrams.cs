using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// A trigram index beside the word index, so a search finds words inside compounds ("fahrrad" in "Damenfahrrad"); filled
    /// from the listings already there (see SqliteListingSearch.Trigrams). Raw SQL only: the model is unchanged, so EF never
    /// rebuilds the Listings table.
    /// </summary>
    public partial class SearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Version1.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteListingSearch.Trigrams.Drop);
        }
    }
}
