using System.Linq.Expressions;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Marketplace.Web.Listings;

public enum ListingSort
{
    Newest,
    Ending,
}

/// <summary>The browse filters, read from the query string so every result page has its own address.</summary>
public sealed record ListingFilter(
    string? Q = null,
    ListingType? Type = null,
    int? Category = null,
    int? District = null,
    string? Language = null,
    string? Poster = null,
    ListingSort Sort = ListingSort.Newest,
    int Page = 1)
{
    public const int PageSize = 20;
    public const string PosterPerson = "person";

    /// <summary>The last page number whose first row still has an int offset; every page beyond the results is empty anyway.</summary>
    public const int MaxPage = int.MaxValue / PageSize;

    /// <summary>
    /// Whether a filter looks at a field the card of a listing in office mode hides (languages, who posted it). Such a listing
    /// is then left out whatever its field holds, so the filter cannot tell a reader what the card does not.
    /// </summary>
    public bool FiltersHiddenFields => !string.IsNullOrEmpty(Language) || Poster == PosterPerson || PosterType is not null;

    public OrganisationType? PosterType => Enum.TryParse<OrganisationType>(Poster, out var type) ? type : null;

    /// <summary>Whether a reader chose anything besides the search words; the page then shows its folded filters opened.</summary>
    public bool AnyBesidesSearch =>
        Type is not null || Category is not null || District is not null || !string.IsNullOrEmpty(Language)
        || !string.IsNullOrEmpty(Poster) || Sort != ListingSort.Newest;
}

/// <summary>
/// The public listings of the current town (<see cref="ListingVisibility"/>), narrowed by the filters and the words of a
/// search (<see cref="SearchQuery"/>, with the categories they name: <see cref="SearchCategories"/>). On PostgreSQL as LINQ
/// (<see cref="Apply"/>, the tenant filter applies; words of three letters or more through the trigram index of the folded text,
/// shorter ones as word beginnings through the text-search vector); on SQLite as SQL (<see cref="SqliteListingPage"/>, the
/// FTS5 trigram and word indexes). A listing in office mode shows only its title and category, so only they may decide
/// whether it is found, for words that must and words that must not occur, and filters on fields its card hides leave it out.
/// </summary>
public sealed class ListingSearch(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// On SQLite, the criteria for <see cref="SqliteListingPage"/> (plain SQL, two statements per result page); null on PostgreSQL,
    /// where <see cref="Apply"/> serves. Both must select the same listings: the browse tests run on both.
    /// </summary>
    public ListingPageCriteria? PageOnSqlite(ListingFilter filter, TextSearch? text = null)
    {
        if (db is not SqliteAppDbContext)
        {
            return null;
        }

        return new ListingPageCriteria(text, filter.Type, filter.Category, filter.District, filter.Language,
            filter.Poster == ListingFilter.PosterPerson, filter.PosterType, filter.FiltersHiddenFields, filter.Sort == ListingSort.Ending,
            (filter.Page - 1) * ListingFilter.PageSize, ListingFilter.PageSize, clock.GetUtcNow());
    }

    /// <summary>The listings everyone may see (<see cref="ListingVisibility.IsPublic"/>).</summary>
    public IQueryable<Listing> Visible() => db.Listings.WherePublic(clock.GetUtcNow());

    /// <summary>The town's listings with these ids, without re-running the filters that found them.</summary>
    public IQueryable<Listing> ByIds(IReadOnlyCollection<int> ids) => db.Listings.Where(l => ids.Contains(l.Id));

    public IQueryable<Listing> Apply(ListingFilter filter, TextSearch? text = null)
    {
        var query = Visible();
        if (filter.Type is { } type)
        {
            query = query.Where(l => l.Type == type);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(l => l.CategoryId == category || l.Category!.ParentId == category);
        }

        if (filter.District is { } district)
        {
            query = query.Where(l => l.DistrictId == district);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            var packed = "," + filter.Language + ",";
            query = query.Where(l => l.Languages.Contains(packed));
        }

        if (filter.Poster == ListingFilter.PosterPerson)
        {
            query = query.Where(l => l.OrganisationId == null);
        }
        else if (filter.PosterType is { } organisationType)
        {
            query = query.Where(l => l.Organisation!.Type == organisationType && l.Organisation.Status == OrganisationStatus.Approved);
        }

        if (filter.FiltersHiddenFields)
        {
            query = OfficeMode.Excluding(db, query);
        }

        if (text is not null)
        {
            query = MatchText(query, text);
        }

        return filter.Sort == ListingSort.Ending
            ? query.OrderBy(l => l.ExpiresAt).ThenBy(l => l.Id)
            : query.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id);
    }

    private IQueryable<Listing> MatchText(IQueryable<Listing> query, TextSearch text)
    {
        if (db is not PostgresAppDbContext)
        {
            throw new NotSupportedException("On SQLite, words are matched by SqliteListingPage through the FTS5 indexes.");
        }

        // Every word that must occur, in title, description or category name: the indexes find these.
        foreach (var word in text.Required)
        {
            query = query.Where(InText(word));
        }

        // Then what the reader can see decides: the title and category of a listing in office mode, else all of it.
        var officeMode = OfficeMode.Only(db, db.Listings).Select(l => l.Id);
        Expression<Func<Listing, bool>> inOfficeMode = l => officeMode.Contains(l.Id);
        var titleDecides = text.Required.Select(InTitle).Concat(text.Excluded.Select(w => Predicate.Not(InTitle(w))))
            .DefaultIfEmpty(_ => true).Aggregate(Predicate.And);
        var textDecides = text.Excluded.Select(w => Predicate.Not(InText(w))).DefaultIfEmpty(_ => true).Aggregate(Predicate.And);
        return query.Where(Predicate.Condition(inOfficeMode, titleDecides, textDecides));
    }

    private static Expression<Func<Listing, bool>> InText(SearchWord word) =>
        Predicate.OrInCategories(word.Term.IsShort
            ? WordBeginning(word.Term)
            : Substring(PostgresAppDbContext.SearchText, word.Term), word.Categories);

    private static Expression<Func<Listing, bool>> InTitle(SearchWord word) =>
        Predicate.OrInCategories(word.Term.IsShort
            ? TitleWordBeginning(word.Term)
            : Substring(PostgresAppDbContext.SearchTitle, word.Term), word.Categories);

    private static Expression<Func<Listing, bool>> Substring(string column, SearchTerm term)
    {
        var pattern = "%" + term.Text + "%";
        return l => EF.Functions.Like(EF.Property<string>(l, column), pattern);
    }

    /// <summary>A short term as the beginning of a word of the stored vector (folded by the German configuration as well).</summary>
    private static Expression<Func<Listing, bool>> WordBeginning(SearchTerm term)
    {
        var prefix = term.Text + ":*";
        return l => EF.Property<NpgsqlTsVector>(l, PostgresAppDbContext.SearchVector).Matches(EF.Functions.ToTsQuery("simple", prefix));
    }

    /// <summary>A short term as the beginning of a word of the folded title.</summary>
    private static Expression<Func<Listing, bool>> TitleWordBeginning(SearchTerm term)
    {
        var prefix = term.Text + ":*";
        return l => EF.Functions.ToTsVector("german", EF.Property<string>(l, PostgresAppDbContext.SearchTitle)).Matches(EF.Functions.ToTsQuery("simple", prefix));
    }

    /// <summary>Conditions on a listing put together, so each word adds its own.</summary>
    private static class Predicate
    {
        public static Expression<Func<Listing, bool>> OrInCategories(Expression<Func<Listing, bool>> condition, IReadOnlyList<int> categories)
        {
            if (categories.Count == 0)
            {
                return condition;
            }

            var ids = categories.ToArray();
            return Or(condition, l => ids.Contains(l.CategoryId));
        }

        public static Expression<Func<Listing, bool>> And(Expression<Func<Listing, bool>> a, Expression<Func<Listing, bool>> b) =>
            Combine(a, b, Expression.AndAlso);

        public static Expression<Func<Listing, bool>> Or(Expression<Func<Listing, bool>> a, Expression<Func<Listing, bool>> b) =>
            Combine(a, b, Expression.OrElse);

        public static Expression<Func<Listing, bool>> Not(Expression<Func<Listing, bool>> a) =>
            Expression.Lambda<Func<Listing, bool>>(Expression.Not(a.Body), a.Parameters);

        public static Expression<Func<Listing, bool>> Condition(Expression<Func<Listing, bool>> test, Expression<Func<Listing, bool>> then,
            Expression<Func<Listing, bool>> otherwise)
        {
            var l = test.Parameters[0];
            return Expression.Lambda<Func<Listing, bool>>(
                Expression.Condition(test.Body, Rebind(then, l), Rebind(otherwise, l)), l);
        }

        private static Expression<Func<Listing, bool>> Combine(Expression<Func<Listing, bool>> a, Expression<Func<Listing, bool>> b,
            Func<Expression, Expression, BinaryExpression> join)
        {
            var l = a.Parameters[0];
            return Expression.Lambda<Func<Listing, bool>>(join(a.Body, Rebind(b, l)), l);
        }

        private static Expression Rebind(Expression<Func<Listing, bool>> lambda, ParameterExpression l) =>
            new Rebinder(lambda.Parameters[0], l).Visit(lambda.Body);

        private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        }
    }
}
