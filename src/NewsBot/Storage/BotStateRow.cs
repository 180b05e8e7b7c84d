using Microsoft.Bot.Builder;

namespace NewsBot.Storage;

/// <summary>
/// One bot state change as both stores write it, with MemoryStorage's rules: values are JSON with their type names
/// (<see cref="BotStateJson"/>); an <see cref="IStoreItem"/> gets a new <c>eTag</c> on every write and may only
/// replace the stored item whose ETag it carries (<c>"*"</c> or none: any).
/// </summary>
/// <param name="Json">Null for a null value, which is stored as absent.</param>
/// <param name="ExpectedETag">The ETag the stored item must have for the write to go ahead; null when any will do.</param>
/// <param name="ETag">The item's new ETag; null for values that are not <see cref="IStoreItem"/>s, which never conflict.</param>
internal sealed record BotStateRow(string Key, string? Json, string? ETag, string? ExpectedETag)
{
    private const string ETagProperty = "eTag";

    public static BotStateRow From(string key, object? value)
    {
        if (value is null)
        {
            return new BotStateRow(key, null, null, null);
        }

        var json = BotStateJson.ToJson(value);
        if (value is not IStoreItem item)
        {
            return new BotStateRow(key, json.ToString(Newtonsoft.Json.Formatting.None), null, null);
        }

        // One eTag property however the item's class spells it, so reading it back gives the new one.
        foreach (var property in json.Properties().Where(p => string.Equals(p.Name, ETagProperty, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            property.Remove();
        }

        var etag = Guid.NewGuid().ToString("N");
        json[ETagProperty] = etag;
        var expected = item.ETag is null or "*" ? null : item.ETag;
        return new BotStateRow(key, json.ToString(Newtonsoft.Json.Formatting.None), etag, expected);
    }

    /// <summary>MemoryStorage's exception for a stale ETag, word for word.</summary>
    public static ArgumentException Conflict(string expected, string stored) =>
        new($"Etag conflict.\r\n\r\nOriginal: {expected}\r\nCurrent: {stored}");

    /// <summary>Throws for a null list or a null key, as MemoryStorage does.</summary>
    public static void CheckKeys(IEnumerable<string> keys, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(keys, parameterName);
        if (keys.Any(key => key is null))
        {
            throw new ArgumentException("A storage key is null.", parameterName);
        }
    }
}
