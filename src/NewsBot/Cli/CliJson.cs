using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsBot.Cli;

/// <summary>JSON output settings: camelCase, indented, readable non-ASCII.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
