using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Bot.Replies;

/// <summary>The one place that decides how a channel shows replies: cards, Block Kit or Markdown text.</summary>
internal static class ReplyRenderers
{
    private static readonly CardRenderer Teams = new(teams: true);
    private static readonly CardRenderer Cards = new(teams: false);
    private static readonly SlackRenderer Slack = new();
    private static readonly TextRenderer Text = new();

    public static IReplyRenderer For(string? channelId) => channelId switch
    {
        Connector.Msteams => Teams,
        Connector.Webchat or Connector.Directline or Connector.Emulator or Connector.Test => Cards,
        _ when Channels.IsSlack(channelId) => Slack,
        _ => Text,
    };
}
