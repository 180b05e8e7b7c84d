using Microsoft.Bot.Schema;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Teams extras: citation entities (the [1] markers Teams shows with the source's title and link) and the
/// feedback buttons (channelData.feedbackLoop). The answer quotes a source, so it is not marked AI-generated.
/// </summary>
internal static class TeamsCitations
{
    private const int MaxAbstract = 160;

    public static Entity Entity(IReadOnlyList<AnswerResult> cited)
    {
        var citations = new JArray();
        for (var i = 0; i < cited.Count; i++)
        {
            var result = cited[i];
            citations.Add(new JObject
            {
                ["@type"] = "Claim",
                ["position"] = i + 1,
                ["appearance"] = new JObject
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = result.Article.Title,
                    ["url"] = result.Article.Url.AbsoluteUri,
                    ["abstract"] = result.Highlight.Length <= MaxAbstract ? result.Highlight : result.Highlight[..(MaxAbstract - 1)] + "…",
                },
            });
        }

        var entity = new Entity("https://schema.org/Message");
        entity.Properties = new JObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["citation"] = citations,
        };
        return entity;
    }

    /// <summary>Turns on Teams' own 👍/👎 buttons; Teams answers them with a message/submitAction invoke.</summary>
    public static JObject FeedbackChannelData() => new() { ["feedbackLoop"] = new JObject { ["type"] = "default" } };
}
