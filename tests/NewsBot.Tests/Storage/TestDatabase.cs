using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary>A temporary data folder for SQLite files; the databases opened through it are closed and the folder deleted on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsbot-storage-");
    private readonly List<SqliteDatabase> _opened = [];

    /// <summary>A data folder that does not exist yet, so tests see it created.</summary>
    public string DataPath => Path.Combine(_root.FullName, "data");

    public string DatabasePath => Path.Combine(DataPath, "newsbot.db");

    /// <summary>A new <see cref="SqliteDatabase"/> on the same file, as a restarted bot (or a second process) would open it.</summary>
    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        _root.Delete(recursive: true);
    }
}
