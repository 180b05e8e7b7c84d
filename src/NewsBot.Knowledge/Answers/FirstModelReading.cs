using System.Text.RegularExpressions;
using Lucene.Net.Search;
using NewsBot.Knowledge.Answers.Decision;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// The question read with a family's first model by its plain name: "when did the llama 1 weights leak" as "when did
/// the llama weights leak". A family's first model is named before there is a second ("LLaMA", "Gemma"), and the
/// articles written then say so; later articles write "LLaMA 1" to tell it from its successors. Once one of them
/// does, "llama 1" reads as a version that the first model's own articles never name, and a question they answer
/// would be declined (<see cref="Questions.ModelVersions.WrittenFirstOfFamily"/>). Tried, as the other readings are,
/// only when the question as asked is declined, and weighed by the same answer model. The plain name also names the
/// later models: an article titled for one of them is left out of this reading's search, and a passage about one of
/// them ("The context window is 128,000 tokens long in Grok-2") cannot answer in it.
/// </summary>
internal static class FirstModelReading
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static QuestionAnalysis? Of(CandidateSearch search, IndexSearcher searcher, string question)
    {
        var families = search.FirstModelsNamedWithOne(searcher, question);
        var plain = question;
        foreach (var family in families)
        {
            plain = Regex.Replace(plain, $@"\b({Regex.Escape(family)})[\s-]?1\b(?![.,]?\d)", "$1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }

        // An article titled for a later model is not searched at all: ranked first, it would keep the first model's
        // own article from leading ("what sizes did llama 1 come in" and the Llama 2 article's sizes).
        if (plain == question || search.Analyse(searcher, plain, article => families.Any(family => NamesLater(family, article.Title))) is not { } analysis)
        {
            return null;
        }

        return analysis with
        {
            Articles = analysis.Articles.Select(article => article with
            {
                Passages = article.Passages.Select(passage => passage with
                {
                    NamesLaterModel = families.Any(family => NamesLater(family, passage.Heading) || NamesLater(family, passage.Text)),
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Whether <paramref name="text"/> names a model of <paramref name="family"/> with a version other than 1
    /// ("Grok-2", "Llama 3.1"; a size such as "LLaMA 65B" is no version) and none with 1.</summary>
    private static bool NamesLater(string family, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var versions = Regex.Matches(text, $@"\b{Regex.Escape(family)}[\s-]?(?<version>\d+(?:\.\d+)?)(?!\w|\.\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout)
            .Select(m => m.Groups["version"].Value)
            .ToList();
        return versions.Count > 0 && !versions.Any(v => v is "1" or "1.0");
    }
}
