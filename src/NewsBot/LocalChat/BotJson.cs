using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace NewsBot.LocalChat;

/// <summary>
/// Bot Framework JSON for the local chat: Newtonsoft with the SDK's own message settings
/// (<see cref="HttpHelper.BotMessageSerializerSettings"/>), so activities, attachments and card JSON reach Web Chat
/// exactly as the bot wrote them.
/// </summary>
internal static class BotJson
{
    private static readonly JsonSerializer Serializer = CreateSerializer();

    public static string Serialize(object value)
    {
        using var writer = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        Serializer.Serialize(writer, value);
        return writer.ToString();
    }

    /// <summary>A deep copy, so what the bot gets and what the transcript keeps never share state.</summary>
    public static T Clone<T>(T value) => Deserialize<T>(Serialize(value!))!;

    public static T? Deserialize<T>(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize<T>(reader);
    }

    /// <summary>
    /// Reads a JSON body of at most <paramref name="maxBytes"/>; an empty body reads as <c>default</c>. The error
    /// result is 413 for a larger body and 400 for malformed JSON.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (default, null);
        }

        try
        {
            return (Deserialize<T>(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), null);
        }
        catch (JsonException e)
        {
            return (default, DirectLineError.Result(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A response whose body is <paramref name="value"/> as Bot Framework JSON.</summary>
    public static IResult Result(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(Serialize(value), "application/json; charset=utf-8", Encoding.UTF8, statusCode);

    private static IResult TooLarge(int maxBytes) =>
        DirectLineError.Result(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes.");

    private static JsonSerializer CreateSerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }
}
