using System.Globalization;
using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;

namespace NewsBot.Digests.Commands;

/// <summary><c>digest list [days]</c>: every article added to the collection in the last days (default 1): what "and N more" points to.</summary>
internal sealed class DigestListCommand(IKnowledgeBase knowledge, ReplyFactory replies, TimeProvider time) : IDigestSubcommand
{
    public const int MaxDays = 30;

    /// <summary>Articles listed at most, so the reply stays one readable message.</summary>
    public const int MaxArticles = 50;

    public string Name => "list";

    public string Usage => "digest list [days]";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var days = 1;
        if (!string.IsNullOrWhiteSpace(arguments) && (!int.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > MaxDays))
        {
            await turnContext.SendActivityAsync(replies.Text(activity, $"`digest list` takes a number of days from 1 to {MaxDays}, e.g. `digest list 7`."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var articles = knowledge.ArticlesSeenSince(time.GetUtcNow().AddDays(-days));
        var period = days == 1 ? "the last day" : $"the last {days} days";
        if (articles.Count == 0)
        {
            await turnContext.SendActivityAsync(replies.Text(activity, $"No articles were added in {period}."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var shown = articles.Take(MaxArticles).ToList();
        var heading = shown.Count < articles.Count ? $"The newest {shown.Count} of {articles.Count} articles added in {period}" : $"Articles added in {period}";
        await turnContext.SendActivityAsync(replies.ArticleList(activity, heading, shown), cancellationToken).ConfigureAwait(false);
    }
}
