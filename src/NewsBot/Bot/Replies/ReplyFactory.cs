using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Builds every reply for the channel it goes to: Adaptive Cards with a plain-text fallback for Teams and Web
/// Chat (Teams also gets citations and its feedback buttons), mrkdwn and Block Kit for Slack.
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
        if (Channels.IsSlack(incoming.ChannelId))
        {
            return MessageFactory.Text(text);
        }

        // A button that subscribes the conversation to the daily digest (a Teams channel, a chat, or this page).
        var where = incoming.Conversation?.ConversationType switch
        {
            "channel" => "this channel",
            "groupChat" => "this chat",
            _ => "this conversation",
        };
        var body = new JArray { AdaptiveCards.TextBlock($"Get a daily digest of newly added articles in {where}, at 09:00.") };
        var actions = new JArray { AdaptiveCards.Submit($"Subscribe {where}", CardCommand.Data("digest on")) };
        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body, actions));
        reply.Text = text;
        return reply;
    }

    public IMessageActivity Help(IActivity incoming)
    {
        var text = new StringBuilder()
            .AppendLine("Ask any question about AI news and I'll quote the passage that answers it, with its source and date.")
            .AppendLine()
            .AppendLine("- `latest [n]`: the newest articles (5 unless you say)")
            .AppendLine("- `about`: how big the collection is and when it was last updated")
            .AppendLine("- `more`: further results for your last question")
            .AppendLine("- `digest on [HH:mm] [time zone]`: a daily digest of newly added articles in this conversation (`digest` for more)")
            .AppendLine("- `help`: this list")
            .AppendLine()
            .Append("Examples: ").Append(string.Join(" · ", Examples.Select(e => $"“{e}”")))
            .ToString();
        return MessageFactory.Text(text);
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

    public IMessageActivity Answer(IActivity incoming, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.Answered)
        {
            return NoAnswer(incoming, answer);
        }

        var lead = answer.Results[0];
        var older = answer.Results.Skip(1).Where(r => r.IsOlder).ToList();
        if (Channels.IsSlack(incoming.ChannelId))
        {
            return SlackAnswer(lead, older);
        }

        var teams = Channels.IsTeams(incoming.ChannelId);
        var reply = MessageFactory.Attachment(AnswerCard.Build(lead, older, teams ? null : answer.Question));
        reply.Text = PlainAnswer(lead, older, teams);
        if (teams)
        {
            reply.Entities = [TeamsCitations.Entity([lead])];
            reply.ChannelData = TeamsCitations.FeedbackChannelData();
        }

        return reply;
    }

    public IMessageActivity MoreResults(IActivity incoming, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(answer);
        if (Channels.IsSlack(incoming.ChannelId))
        {
            var blocks = new JArray();
            foreach (var result in answer.Results)
            {
                blocks.Add(SlackMessage.Section($"*{SlackMessage.Link(result.Article.Url, result.Article.Title)}*\n{SlackMessage.Byline(result.Article)}\n{SlackMessage.Quote(result)}"));
            }

            var slackText = string.Join("\n", answer.Results.Select(r => $"{SlackMessage.Link(r.Article.Url, r.Article.Title)}: {SlackMessage.Escape(r.Highlight)}"));
            var slack = MessageFactory.Text(slackText);
            slack.ChannelData = SlackMessage.ChannelData(slackText, blocks);
            return slack;
        }

        var feedbackQuestion = Channels.IsTeams(incoming.ChannelId) ? null : answer.Question;
        var cards = answer.Results.Select(r => AnswerCard.Build(r, [], feedbackQuestion)).ToList();
        var reply = MessageFactory.Carousel(cards);
        reply.AttachmentLayout = AttachmentLayoutTypes.List;
        reply.Text = string.Join("\n\n", answer.Results.Select(r => PlainAnswer(r, [], citation: false)));
        return reply;
    }

    public IMessageActivity ArticleList(IActivity incoming, string heading, IReadOnlyList<ArticleInfo> articles)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return MessageFactory.Text("The collection is empty for now.");
        }

        if (Channels.IsSlack(incoming.ChannelId))
        {
            var lines = articles.Select(a => $"• {SlackMessage.Link(a.Url, a.Title)} ({SlackMessage.Byline(a)})");
            var slackText = $"*{SlackMessage.Escape(heading)}*\n" + string.Join("\n", lines);
            var slack = MessageFactory.Text(slackText);
            slack.ChannelData = SlackMessage.ChannelData(slackText, [SlackMessage.Section(slackText)]);
            return slack;
        }

        var body = new JArray { AdaptiveCards.TextBlock(heading, weight: "Bolder", size: "Medium") };
        foreach (var article in articles)
        {
            body.Add(AdaptiveCards.TextBlock($"[{MarkdownText(article.Title)}]({article.Url.AbsoluteUri})", weight: "Bolder", spacing: "Medium"));
            body.Add(AdaptiveCards.TextBlock(article.Source is null ? Dates.Short(article.Published) : $"{article.Source} · {Dates.Short(article.Published)}", subtle: true, spacing: "None"));
        }

        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body));
        reply.Text = heading + ":\n\n" + string.Join("\n", articles.Select(a => $"- [{MarkdownText(a.Title)}]({a.Url.AbsoluteUri}) ({Dates.Short(a.Published)})"));
        return reply;
    }

    private static IMessageActivity NoAnswer(IActivity incoming, Answer answer)
    {
        const string NotCovered = "I couldn't find an answer to that in the curated news.";
        if (Channels.IsSlack(incoming.ChannelId))
        {
            var closest = answer.Closest.Count == 0 ? string.Empty : "\nClosest articles:\n" + string.Join("\n", answer.Closest.Select(c => $"• {SlackMessage.Link(c.Url, c.Title)} ({Dates.Short(c.Published)})"));
            var slackText = NotCovered + closest;
            var slack = MessageFactory.Text(slackText);
            slack.ChannelData = SlackMessage.ChannelData(slackText, [SlackMessage.Section(slackText)]);
            return slack;
        }

        var text = new StringBuilder(NotCovered);
        if (answer.Closest.Count > 0)
        {
            text.AppendLine().AppendLine().AppendLine("The closest articles I have:");
            foreach (var link in answer.Closest)
            {
                text.Append("- [").Append(MarkdownText(link.Title)).Append("](").Append(link.Url.AbsoluteUri).Append(") (").Append(Dates.Short(link.Published)).AppendLine(")");
            }
        }

        return MessageFactory.Text(text.ToString().TrimEnd());
    }

    private static IMessageActivity SlackAnswer(AnswerResult lead, IReadOnlyList<AnswerResult> older)
    {
        var article = lead.Article;
        var blocks = new JArray
        {
            SlackMessage.Section($"*{SlackMessage.Link(article.Url, article.Title)}*\n{SlackMessage.Byline(article)}"),
            SlackMessage.Section(SlackMessage.Quote(lead)),
        };
        if (older.Count > 0)
        {
            blocks.Add(SlackMessage.Context("Older coverage, may be out of date: " + string.Join("; ", older.Select(o => $"{SlackMessage.Link(o.Article.Url, o.Article.Title)} ({Dates.Short(o.Article.Published)})"))));
        }

        blocks.Add(SlackMessage.Button("Open source", article.Url));
        var text = $"{SlackMessage.Escape(lead.Highlight)}\n{SlackMessage.Link(article.Url, article.Title)} ({SlackMessage.Byline(article)})";
        var reply = MessageFactory.Text(text);
        reply.ChannelData = SlackMessage.ChannelData(text, blocks);
        return reply;
    }

    /// <summary>The answer in Markdown for clients without cards: the answering sentence, the article and its link.</summary>
    private static string PlainAnswer(AnswerResult lead, IReadOnlyList<AnswerResult> older, bool citation)
    {
        var article = lead.Article;
        var source = article.Source is null ? string.Empty : $"{article.Source}, ";
        var text = new StringBuilder()
            .Append('“').Append(lead.Highlight).Append('”').Append(citation ? " [1]" : string.Empty)
            .AppendLine().AppendLine()
            .Append("— ").Append(MarkdownText(article.Title)).Append(" (").Append(source).Append(Dates.Short(article.Published)).Append("): ").Append(article.Url.AbsoluteUri);
        if (older.Count > 0)
        {
            text.AppendLine().AppendLine()
                .Append("Older coverage, may be out of date: ")
                .Append(string.Join("; ", older.Select(o => $"[{MarkdownText(o.Article.Title)}]({o.Article.Url.AbsoluteUri}) ({Dates.Short(o.Article.Published)})")));
        }

        return text.ToString();
    }

    private static string MarkdownText(string text) => text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
}
