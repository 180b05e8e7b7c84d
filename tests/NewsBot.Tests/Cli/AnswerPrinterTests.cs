using NewsBot.Bot.Replies;
using NewsBot.Cli;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Tests.Cli;

/// <summary><c>ask</c>'s text, drawn from the same <see cref="AnswerView"/> as the chat replies, line for line.</summary>
public sealed class AnswerPrinterTests
{
    private static readonly ArticleInfo Mit = Article("2024/phi-2-mit", "Phi-2 moves to the MIT licence", "https://example.org/mit", new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero), "Example News");
    private static readonly ArticleInfo Research = Article("2023/phi-2", "Phi-2 [research] release", "https://example.org/research", new DateTimeOffset(2023, 12, 12, 0, 0, 0, TimeSpan.Zero), "Example News");
    private static readonly ArticleInfo Phi3 = Article("2024/phi-3", "Phi-3 is MIT-licensed", "https://example.org/phi-3", new DateTimeOffset(2024, 4, 23, 0, 0, 0, TimeSpan.Zero), source: null);

    [Fact]
    public void Print_WritesLeadConfidenceOlderCoverageFurtherResultsAndRelated_WhenAnswered()
    {
        var answer = new Answer(
            "Is Phi-2 licensed for commercial use?",
            Answered: true,
            Confidence: 0.8994,
            [
                Result(Mit, "Phi-2 is free. It is MIT-licensed now.", "It is MIT-licensed now.", older: false),
                Result(Research, "Research use only.", "Research use only.", older: true),
                Result(Phi3, "Phi-3 was MIT from the start.", "Phi-3 was MIT from the start.", older: false),
            ],
            Closest: [],
            Related: [ArticleLink.From(Phi3)],
            Ranking: [],
            HasMore: false);

        var text = Printed(answer);

        Assert.Equal(
            """
            Phi-2 moves to the MIT licence
              Example News, 6 Jan 2024

              > It is MIT-licensed now.

              In full: "Phi-2 is free. It is MIT-licensed now."

              Source: https://example.org/mit
              confidence 0.899

            Older coverage (may be out of date):
              - Phi-2 [research] release (12 Dec 2023): "Research use only."
                https://example.org/research

            Also answering:

            Phi-3 is MIT-licensed
              23 Apr 2024

              > Phi-3 was MIT from the start.

              Source: https://example.org/phi-3

            Related:
              - Phi-3 is MIT-licensed (23 Apr 2024) https://example.org/phi-3

            """,
            text);
    }

    [Fact]
    public void Print_NamesNewerCoverageUnderTheLead_NotAmongTheOtherAnswers()
    {
        var answer = new Answer(
            "phi2 licence?",
            Answered: true,
            Confidence: 0.897,
            [
                Result(Research, "Research use only.", "Research use only.", older: false),
                Result(Mit, "Phi-2 is free. It is MIT-licensed now.", "It is MIT-licensed now.", older: false, newer: true),
            ],
            Closest: [],
            Related: [],
            Ranking: [],
            HasMore: false);

        var text = Printed(answer);

        Assert.Equal(
            """
            Phi-2 [research] release
              Example News, 12 Dec 2023

              > Research use only.

              Source: https://example.org/research
              confidence 0.897

            Newer coverage:
              - Phi-2 moves to the MIT licence (6 Jan 2024): "It is MIT-licensed now."
                https://example.org/mit

            """,
            text);
    }

    [Fact]
    public void Print_SaysNotCoveredAndNamesTheClosestArticles_WhenNothingAnswers()
    {
        var answer = Answer.Empty("How do I bake bread?") with { Closest = [ArticleLink.From(Research)] };

        var text = Printed(answer);

        Assert.Equal(
            """
            Not in the curated news: no article answers this confidently.

            Closest articles:
              - Phi-2 [research] release (12 Dec 2023)
                https://example.org/research

            """,
            text);
    }

    private static string Printed(Answer answer)
    {
        using var output = new StringWriter { NewLine = "\n" };
        AnswerPrinter.Print(output, AnswerView.From(answer));
        return output.ToString().ReplaceLineEndings("\n");
    }

    private static AnswerResult Result(ArticleInfo article, string passage, string highlight, bool older, bool newer = false) =>
        new(article, passage, Heading: null, highlight, Score: 1, Confidence: 0.9, older, newer);

    private static ArticleInfo Article(string id, string title, string url, DateTimeOffset published, string? source) =>
        new(id, $"{id}.md", title, new Uri(url), published, Updated: null, source, Tags: [], Summary: null, FirstSeen: published, PassageCount: 1);
}
