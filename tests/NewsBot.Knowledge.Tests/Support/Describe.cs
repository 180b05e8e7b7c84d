using System.Globalization;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Knowledge.Tests.Support;

/// <summary>Flattens records that hold lists into strings, so that tests compare their content, not list references.</summary>
internal static class Describe
{
    public static string Article(ArticleInfo a) => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.Id}|{a.RelativePath}|{a.Title}|{a.Url}|{a.Published:O}|{a.Updated:O}|{a.Source}|{string.Join(',', a.Tags)}|{a.Summary}|{a.FirstSeen:O}|{a.PassageCount}");

    public static List<string> Articles(IEnumerable<ArticleInfo> articles) => articles.Select(Article).ToList();

    public static string Answer(Answer answer)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{answer.Question}|{answer.Answered}|{answer.Confidence}|{answer.HasMore}\n");
        foreach (var r in answer.Results)
        {
            text.Append(CultureInfo.InvariantCulture, $"result {Article(r.Article)}|{r.Heading}|{r.Passage}|{r.Highlight}|{r.Score}|{r.Confidence}|{r.IsOlder}\n");
        }

        foreach (var link in answer.Closest)
        {
            text.Append(CultureInfo.InvariantCulture, $"closest {link}\n");
        }

        foreach (var link in answer.Related)
        {
            text.Append(CultureInfo.InvariantCulture, $"related {link}\n");
        }

        foreach (var a in answer.Ranking)
        {
            text.Append(CultureInfo.InvariantCulture, $"ranked {a.Url}\n");
        }

        return text.ToString();
    }
}
