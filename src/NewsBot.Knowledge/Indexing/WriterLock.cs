namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Keeps the index to one writing process. Lucene.Net's <c>NativeFSLockFactory</c> (4.8.0-beta00017) does not keep a
/// second process from opening an <c>IndexWriter</c> on Linux: the bot and the command line on one data folder both
/// wrote, and one writer's clean-up could delete the other's commit, leaving an index no process could open. This is a
/// file held open with <see cref="FileShare.None"/> for as long as the writer lives, which .NET enforces across
/// processes (a share mode on Windows, an exclusive <c>flock</c> on Unix) and the operating system releases when the
/// process dies, so a killed bot never leaves a stale lock.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly FileStream _file;

    private WriterLock(FileStream file) => _file = file;

    /// <summary>Takes the lock at <paramref name="path"/>; null when another process (or another index in this one) holds it.</summary>
    public static WriterLock? TryTake(string path)
    {
        try
        {
            return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
