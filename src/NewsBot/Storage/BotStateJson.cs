using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.Storage;

/// <summary>
/// How bot state becomes JSON and back: the settings of the SDK's MemoryStorage (full type names, reference
/// loops are errors, no depth limit) with the types restricted by <see cref="BotStateTypeBinder"/>. Date-like
/// strings stay strings on reading (MemoryStorage keeps JSON in memory and never re-parses it).
/// </summary>
internal static class BotStateJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Full type names are what lets BotState's Dictionary<string, object> come back as one; the binder limits them.
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new BotStateTypeBinder(),
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
        DateParseHandling = DateParseHandling.None,
    });

    /// <summary>The value as a JSON object (a value that is not an object, such as a string, throws as in MemoryStorage).</summary>
    public static JObject ToJson(object value) => JObject.FromObject(value, Serializer);

    public static object FromJson(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize(reader) ?? throw new JsonSerializationException("Bot state JSON is null.");
    }
}
