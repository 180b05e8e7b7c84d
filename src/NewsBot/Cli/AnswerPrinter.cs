using NewsBot.Knowledge.Answers;

namespace NewsBot.Cli;

/// <summary>The human-readable answer: the quoted passage with its answering sentence, source, date and link.</summary>
internal static class AnswerPrinter
{
    public static void Print(TextWriter output, Answer answer)
    {
        if (!answer.Answered)
        {
            output.WriteLine("Not in the curated news: no article answers this confidently.");
            if (answer.Closest.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Closest articles:");
                foreach (var link in answer.Closest)
                {
                    output.WriteLine($"  - {link.Title} ({Display.Date(link.Published)})");
                    output.WriteLine($"    {link.Url.AbsoluteUri}");
                }
            }

            return;
        }

        var lead = answer.Results[0];
        PrintResult(output, lead);
        output.WriteLine($"  confidence {Display.Number(answer.Confidence)}");

        var older = answer.Results.Skip(1).Where(r => r.IsOlder).ToList();
        if (older.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Older coverage (may be out of date):");
            foreach (var result in older)
            {
                output.WriteLine($"  - {result.Article.Title} ({Display.Date(result.Article.Published)}): \"{result.Highlight}\"");
                output.WriteLine($"    {result.Article.Url.AbsoluteUri}");
            }
        }

        var others = answer.Results.Skip(1).Where(r => !r.IsOlder).ToList();
        if (others.Count > 0)
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
                output.WriteLine($"  - {link.Title} ({Display.Date(link.Published)}) {link.Url.AbsoluteUri}");
            }
        }
    }

    private static void PrintResult(TextWriter output, AnswerResult result)
    {
        var article = result.Article;
        var source = article.Source is null ? string.Empty : $"{article.Source}, ";
        output.WriteLine($"{article.Title}");
        output.WriteLine($"  {source}{Display.Date(article.Published)}");
        output.WriteLine();
        output.WriteLine($"  > {result.Highlight}");
        if (result.Passage != result.Highlight)
        {
            output.WriteLine();
            output.WriteLine($"  In full: \"{result.Passage}\"");
        }

        output.WriteLine();
        output.WriteLine($"  Source: {article.Url.AbsoluteUri}");
    }
}
