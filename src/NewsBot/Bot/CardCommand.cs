using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot;

/// <summary>A command carried by a button of the bot's own cards (Action.Submit data), such as "digest on".</summary>
public static class CardCommand
{
    public const string Key = "newsbotCommand";

    /// <summary>The Action.Submit data that sends <paramref name="command"/> when the button is pressed.</summary>
    public static JObject Data(string command) => new() { [Key] = command };

    /// <summary>The command a message carries from a card button, or null for a typed message.</summary>
    public static string? Of(IMessageActivity activity) =>
        activity?.Value is JObject value && value.Value<string>(Key) is { Length: > 0 } command ? command : null;
}
