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
/// only when the question as asked is declined, and weighed by the same answer model.
/// </summary>
internal static partial class FirstModelReading
{
    public static QuestionAnalysis? Of(CandidateSearch search, IndexSearcher searcher, string question)
    {
        var plain = question;
        foreach (var family in search.FirstModelsNamedWithOne(searcher, question))
        {
            plain = Regex.Replace(plain, $@"\b({Regex.Escape(family)})[\s-]?1\b(?![.,]?\d)", "$1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return plain == question ? null : search.Analyse(searcher, plain);
    }
}
