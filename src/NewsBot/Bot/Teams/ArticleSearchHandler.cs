using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Bot.Teams;

/// <summary>
/// The "Search AI news" message extension (<c>composeExtension/query</c>): matching articles, best first, each
/// previewed as a thumbnail card and inserted as an Adaptive Card. An empty query lists the newest articles.
/// </summary>
public sealed class ArticleSearchHandler(IKnowledgeBase knowledge)
{
    public const string CommandId = "searchNews";
    public const string ParameterName = "searchQuery";

    /// <summary>Results per page when Teams does not say; Teams asks for 25 at most.</summary>
    public const int DefaultCount = 10;
    public const int MaxCount = 25;

    /// <summary>The page of results for <paramref name="query"/>, as <see cref="Microsoft.Bot.Builder.Teams.TeamsActivityHandler"/> hands it over.</summary>
    public MessagingExtensionResponse Handle(MessagingExtensionQuery? query)
    {
        var text = query?.Parameters?.FirstOrDefault(p => p.Name == ParameterName)?.Value?.ToString()?.Trim() ?? string.Empty;
        var skip = Math.Max(0, query?.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query?.QueryOptions?.Count ?? DefaultCount, 1, MaxCount);

        var attachments = Search(text, skip, count)
            .Select(hit =>
            {
                var card = ArticleCard.Build(hit.Article, hit.Quote);
                return new MessagingExtensionAttachment(card.ContentType, content: card.Content, preview: ArticleCard.Preview(hit.Article, hit.Quote));
            })
            .ToList();

        return new MessagingExtensionResponse
        {
            ComposeExtension = new MessagingExtensionResult { Type = "result", AttachmentLayout = AttachmentLayoutTypes.List, Attachments = attachments },
        };
    }

    private IEnumerable<(ArticleInfo Article, string? Quote)> Search(string text, int skip, int count)
    {
        if (text.Length == 0)
        {
            return knowledge.Latest(skip + count).Skip(skip).Select(a => (a, (string?)null));
        }

        var answer = knowledge.Ask(text, new AskOptions(Top: skip + count, Related: false));
        var quotes = answer.Results.GroupBy(r => r.Article.Id).ToDictionary(g => g.Key, g => g.First().Highlight, StringComparer.Ordinal);
        return answer.Ranking.Skip(skip).Take(count).Select(a => (a, quotes.TryGetValue(a.Id, out var quote) ? quote : null));
    }
}
