using Marketplace.Web.Domain;

namespace Marketplace.Web.Data;

/// <summary>
/// SQL that gives the default categories of towns created earlier the names a new town gets in the given languages.
/// A row is matched by its key and only while its German name is still the default: a renamed category is the
/// coordinator's, and the default translations would no longer fit it. Only languages a row lacks are set, so a
/// coordinator's own translation stays. The names are read from <see cref="DefaultCategories"/> when the migration
/// runs, so they have one home; a later change of a default German name is matched only by databases migrated after it.
/// </summary>
public static class DefaultCategoryNamesSql
{
    /// <summary>One UPDATE per default category; json_set writes the text as is, json_extract reads escaped letters too.</summary>
    public static IEnumerable<string> Sqlite(params string[] languages) =>
        Statements(languages, (language, text) =>
            $"""'$.{language}', COALESCE(NULLIF(json_extract("Names", '$.{language}'), ''), {text})""",
            sets => $"""json_set("Names", {sets})""",
            """json_extract("Names", '$.de')""");

    /// <summary>One UPDATE per default category; the column is text, so it is read as jsonb and written back as text.</summary>
    public static IEnumerable<string> Postgres(params string[] languages) =>
        Statements(languages, (language, text) =>
            $"""'{language}', COALESCE(NULLIF("Names"::jsonb ->> '{language}', ''), {text})""",
            sets => $"""("Names"::jsonb || jsonb_build_object({sets}))::text""",
            """("Names"::jsonb ->> 'de')""");

    private static IEnumerable<string> Statements(
        string[] languages, Func<string, string, string> set, Func<string, string> merge, string german)
    {
        foreach (var language in languages)
        {
            // The language lands in a JSON path and a literal as is: only a plain culture code may.
            if (language.Length is < 2 or > 8 || !language.All(char.IsAsciiLetterLower) || language == TranslatedText.Neutral)
            {
                throw new ArgumentException($"Not a language to fill: '{language}'.", nameof(languages));
            }
        }

        foreach (var (key, names) in DefaultCategories.Names)
        {
            var sets = languages.Where(names.ContainsKey).Select(language => set(language, Literal(names[language]))).ToList();
            if (sets.Count == 0)
            {
                continue;
            }

            yield return $"""
                UPDATE "Categories" SET "Names" = {merge(string.Join(", ", sets))}
                WHERE "Key" = {Literal(key)} AND {german} = {Literal(names[TranslatedText.Neutral])};
                """;
        }
    }

    /// <summary>A string literal both databases read the same way (PostgreSQL with standard_conforming_strings, its default).</summary>
    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
