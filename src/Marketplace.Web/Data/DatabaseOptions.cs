namespace Marketplace.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite files (app and jobs); relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";
}
