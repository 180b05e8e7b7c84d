namespace NewsBot.Knowledge.Articles;

/// <summary>A file's size and last write time (UTC ticks): when both match the indexed ones, the file is not even read.</summary>
internal readonly record struct FileStamp(long Size, long LastWriteTicks)
{
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc.Ticks);
}
