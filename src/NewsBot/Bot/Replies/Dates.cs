using System.Globalization;

namespace NewsBot.Bot.Replies;

/// <summary>Dates as people read them in chat: "6 Jan 2024".</summary>
internal static class Dates
{
    public static string Short(DateTimeOffset date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
