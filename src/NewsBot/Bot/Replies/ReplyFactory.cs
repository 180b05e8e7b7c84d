using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Bot.Replies;

/// <summary>
/// The replies commands send: text replies are the same everywhere; answers, lists, digests and the welcome are drawn
/// by the channel's <see cref="IReplyRenderer"/> (Adaptive Cards, Block Kit or Markdown) from one view of the reply.
/// </summary>
public sealed class ReplyFactory
{
    /// <summary>Results an answer carries: the lead, plus the older coverage named under it.</summary>
    public const int ResultsPerAnswer = 4;

    private static readonly string[] Examples =
    [
        "Is Phi-2 licensed for commercial use?",
        "What did Microsoft announce at Ignite 2023?",
        "How big is the context window of Claude 3.5 Sonnet?",
    ];

    public IMessageActivity Text(IActivity incoming, string markdown) => MessageFactory.Text(markdown);

    public IMessageActivity EmptyQuestion(IActivity incoming) =>
        MessageFactory.Text($"Ask me about AI news, for example: “{Examples[0]}”. Type `help` for the commands.");

    public IMessageActivity Welcome(IActivity incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var text = new StringBuilder()
            .Append("Hi! I answer questions about a curated collection of AI news, quoting the article that answers and linking to its source. ")
            .Append("When the collection doesn't cover something, I say so.")
            .AppendLine().AppendLine()
            .Append("Try: ").Append(string.Join(" · ", Examples.Select(e => $"“{e}”")))
            .AppendLine().AppendLine()
            .Append("Commands: `help`, `latest [n]`, `about`, `more`, `digest on`.")
            .ToString();
        var where = incoming.Conversation?.ConversationType switch
        {
            "channel" => "this channel",
            "groupChat" => "this chat",
            _ => "this conversation",
        };
        return ReplyRenderers.For(incoming.ChannelId).Welcome(text, where);
    }

    /// <param name="curator">True when the sender is a curator: the curation commands are listed too.</param>
    public IMessageActivity Help(IActivity incoming, bool curator = false)
    {
        var text = new StringBuilder()
            .AppendLine("Ask any question about AI news and I'll quote the passage that answers it, with its source and date.")
            .AppendLine()
            .AppendLine("- `latest [n]`: the newest articles (5 unless you say)")
            .AppendLine("- `about`: how big the collection is and when it was last updated")
            .AppendLine("- `more`: further results for your last question")
            .AppendLine("- `digest on [HH:mm] [time zone]`: a daily digest of newly added articles in this conversation (`digest` for more)")
            .AppendLine("- `help`: this list");
        if (curator)
        {
            text.AppendLine("- `add <url>`: draft an article from a web page, to review and publish (you are a curator)")
                .AppendLine("- `drafts`: the drafts waiting for review");
        }

        text.AppendLine()
            .Append("Examples: ").Append(string.Join(" · ", Examples.Select(e => $"“{e}”")));
        return MessageFactory.Text(text.ToString());
    }

    public IMessageActivity About(IActivity incoming, KnowledgeStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var newest = stats.LastPublished is { } published ? $", the newest published {Dates.Short(published)}" : string.Empty;
        var synced = stats.LastSync is { } sync ? $" Last updated {sync.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : string.Empty;
        return MessageFactory.Text(
            $"NewsBot answers from a curated collection of {stats.Articles} AI news articles ({stats.Passages} passages){newest}.{synced} {Ranking(stats.Vectors)} Every answer is a quotation with its source; nothing is generated.");
    }

    private static string Ranking(VectorStats? vectors) => vectors switch
    {
        null => "Answers are ranked by keywords (BM25); semantic ranking is off.",
        { Problem: not null } => "Answers are ranked by keywords (BM25): the local embedding model could not run.",
        { Complete: true } => $"Answers are ranked by keywords and meaning (BM25 fused with local {vectors.Model} embeddings, all {vectors.Ready} passages).",
        _ => $"Answers are ranked by keywords and meaning (BM25 fused with local {vectors.Model} embeddings); {vectors.Ready} of {vectors.Total} passages have their vectors so far.",
    };

    /// <summary>The answer as one message for the channel, or the plain "not in the curated news" with the closest
    /// titles; for a question that asks what is new ("what's new?", "any ai news"), the newest articles, as <c>latest</c>
    /// lists them.</summary>
    public IMessageActivity Answer(IActivity incoming, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var view = AnswerView.From(answer);
        return view.AsksForNews ? ArticleList(incoming, PlainReplies.NewestHeading(view.Closest.Count), view.Closest) : ReplyRenderers.For(incoming.ChannelId).Answer(view);
    }

    /// <summary>Further results of a question (<c>more</c>), each quoted with its source.</summary>
    public IMessageActivity MoreResults(IActivity incoming, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return ReplyRenderers.For(incoming.ChannelId).MoreResults(AnswerView.From(answer));
    }

    public IMessageActivity ArticleList(IActivity incoming, string heading, IReadOnlyList<ArticleInfo> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return ArticleList(incoming, heading, articles.Select(ArticleView.From).ToList());
    }

    private static IMessageActivity ArticleList(IActivity incoming, string heading, IReadOnlyList<ArticleView> articles)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return articles.Count == 0
            ? MessageFactory.Text(PlainReplies.EmptyCollection)
            : ReplyRenderers.For(incoming.ChannelId).ArticleList(heading, articles);
    }
}
