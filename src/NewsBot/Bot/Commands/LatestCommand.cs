using System.Globalization;
using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;

namespace NewsBot.Bot.Commands;

/// <summary><c>latest [n]</c>: the newest articles of the collection (default 5, at most 20).</summary>
public sealed class LatestCommand(IKnowledgeBase knowledge, ReplyFactory replies) : IBotCommand
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;

    public string Name => "latest";

    public string Usage => "latest [n]";

    public string Description => "the newest articles";

    /// <summary>Nothing or a number ("latest 50" is then told the range); words make a question ("latest news about sora").</summary>
    public bool Takes(string arguments) => arguments.Length == 0 || int.TryParse(arguments, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var count = DefaultCount;
        if (!string.IsNullOrWhiteSpace(arguments) && (!int.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, $"`latest` takes a number from 1 to {MaxCount}, e.g. `latest 5`."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var articles = knowledge.Latest(count);
        await turnContext.SendActivityAsync(replies.ArticleList(turnContext.Activity, PlainReplies.NewestHeading(articles.Count), articles), cancellationToken).ConfigureAwait(false);
    }
}
