namespace NewsBot.Configuration;

/// <summary>Section "Storage": where the bot keeps its data (index, and later its SQLite store).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Data folder. Default: <c>.newsbot/</c> beside the knowledge folder (the repository root).</summary>
    public string? Path { get; set; }
}
