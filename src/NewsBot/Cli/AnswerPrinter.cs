using NewsBot.Bot.Replies;

namespace NewsBot.Cli;

/// <summary>
/// <c>ask</c>'s plain text, drawn like the chat replies from one <see cref="AnswerView"/>: the lead's title, byline and
/// answering sentence with the whole passage and its link, the confidence, the newer and older coverage, further answering
/// results and related articles; or "not in the curated news" with the closest titles; or, for a question that asks
/// what is new, the newest articles.
/// </summary>
internal static class AnswerPrinter
{
    /// <summary>Publisher and date on one line, "GitHub (ollama), 6 Jan 2024": the command line's byline.</summary>
    private const string BylineSeparator = ", ";

    public static void Print(TextWriter output, AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.AsksForNews)
        {
            PrintNewest(output, answer.Closest);
            return;
        }

        if (answer.Lead is not { } lead)
        {
            PrintDecline(output, answer.Closest);
            return;
        }

        PrintResult(output, lead);
        output.WriteLine($"  confidence {Display.Number(answer.Confidence)}");

        PrintCoverage(output, "Newer coverage:", answer.Newer);
        PrintCoverage(output, "Older coverage (may be out of date):", answer.Older);

        if (answer.AlsoAnswering is { Count: > 0 } others)
        {
            output.WriteLine();
            output.WriteLine("Also answering:");
            foreach (var result in others)
            {
                output.WriteLine();
                PrintResult(output, result);
            }
        }

        if (answer.Related.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Related:");
            foreach (var link in answer.Related)
            {
                output.WriteLine($"  - {link.Title} ({link.Date}) {link.Url.AbsoluteUri}");
            }
        }
    }

    /// <summary>Newer or older coverage: each article's title, date and answering sentence, with its link.</summary>
    private static void PrintCoverage(TextWriter output, string heading, IReadOnlyList<ResultView> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(heading);
        foreach (var result in results)
        {
            output.WriteLine($"  - {result.Article.Title} ({result.Article.Date}): \"{result.Highlight}\"");
            output.WriteLine($"    {result.Article.Url.AbsoluteUri}");
        }
    }

    private static void PrintDecline(TextWriter output, IReadOnlyList<ArticleView> closest)
    {
        output.WriteLine("Not in the curated news: no article answers this confidently.");
        if (closest.Count > 0)
        {
            output.WriteLine();
            PrintLinks(output, "Closest articles:", closest);
        }
    }

    /// <summary>"What's new?": the newest articles, as <c>latest</c> lists them in chat.</summary>
    private static void PrintNewest(TextWriter output, IReadOnlyList<ArticleView> newest)
    {
        if (newest.Count == 0)
        {
            output.WriteLine(PlainReplies.EmptyCollection);
            return;
        }

        PrintLinks(output, PlainReplies.NewestHeading(newest.Count) + ":", newest);
    }

    private static void PrintLinks(TextWriter output, string heading, IReadOnlyList<ArticleView> links)
    {
        output.WriteLine(heading);
        foreach (var link in links)
        {
            output.WriteLine($"  - {link.Title} ({link.Date})");
            output.WriteLine($"    {link.Url.AbsoluteUri}");
        }
    }

    private static void PrintResult(TextWriter output, ResultView result)
    {
        var article = result.Article;
        output.WriteLine(article.Title);
        output.WriteLine($"  {Byline.Of(article.Publisher, article.Date, BylineSeparator)}");
        output.WriteLine();
        output.WriteLine($"  > {result.Highlight}");
        if (!result.QuotesWholePassage)
        {
            output.WriteLine();
            output.WriteLine($"  In full: \"{result.Passage}\"");
        }

        output.WriteLine();
        output.WriteLine($"  Source: {article.Url.AbsoluteUri}");
    }
}
