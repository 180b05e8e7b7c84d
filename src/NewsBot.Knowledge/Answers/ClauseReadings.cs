using Lucene.Net.Search;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Other readings of a question that describes what it asks about (<see cref="QuestionClauses"/>), tried when the
/// question as asked is declined: the question without the description ("the bing chat, which openai model was it
/// running on"), and the question with the name the description points to, found by searching the description alone
/// ("the openai model apple plugged into siri" → the Apple article's "GPT-4o" → "what did it score on mmlu GPT-4o").
/// This is the bridge of multi-hop question answering: one search finds the thing, a second its fact. Each reading is
/// weighed by the same answer model and must reach the same confidence as any answer.
/// </summary>
internal static class ClauseReadings
{
    /// <summary>The readings of <paramref name="question"/> besides itself; none when it describes nothing.</summary>
    public static List<QuestionAnalysis> Of(CandidateSearch search, IndexSearcher searcher, string question)
    {
        if (QuestionClauses.Of(question) is not { } clauses)
        {
            return [];
        }

        // The question without its description is searched on another thread while the description's name is found
        // and the question searched with it: a question read again costs about two answers' time, not four.
        var withoutDescription = Task.Run(() => search.Analyse(searcher, clauses.Main));
        QuestionAnalysis? bridged = null;
        try
        {
            if (search.Analyse(searcher, clauses.Description) is { } description
                && BridgeName(description, clauses.Description) is { } name)
            {
                bridged = search.Analyse(searcher, clauses.Main + " " + name);
            }
        }
        finally
        {
            // Waited for even if the bridge failed: the search uses the caller's searcher lease.
            withoutDescription.Wait();
        }

        var readings = new List<QuestionAnalysis>();

        // Without its description the question must still name what it is about: "how much is the paid tier" (of
        // "after the bard flop google relaunched the chatbot - how much is the paid tier") is about any paid tier.
        if (withoutDescription.Result is { Articles.Count: > 0, Names.Count: > 0 } main)
        {
            readings.Add(main);
        }

        if (bridged is { Articles.Count: > 0 })
        {
            readings.Add(bridged);
        }

        return readings;
    }

    /// <summary>
    /// The first name in the best sentence window of the description's best-ranked passage that the description does
    /// not already say: what it describes. Ranked by the search alone (fused score), not by the answer model, so a
    /// reading never depends on what the model was fitted on.
    /// </summary>
    internal static string? BridgeName(QuestionAnalysis description, string descriptionText)
    {
        if (description.Articles.Count == 0)
        {
            return null;
        }

        var said = SentenceFacts.WordsOf(descriptionText);
        var article = description.Articles[0];
        var passage = article.Passages.MaxBy(p => p.Evidence.WindowCoverage)!;
        var window = passage.Evidence.Highlight(passage.Text);
        return SentenceFacts.NamesIn(window, word => article.Passages.Any(p => WrittenInsideASentence(p.Text, word)))
            .Where(name => !name.Words.Any(said.Contains))
            .Select(name => name.Text)
            .FirstOrDefault();
    }

    /// <summary>True when <paramref name="text"/> writes the capitalised word after a sentence's first word: a name's
    /// word, not one capitalised only for opening the sentence.</summary>
    private static bool WrittenInsideASentence(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var after = at + word.Length;
            if (!SentenceFacts.OpensSentence(text, at) && !char.IsLetterOrDigit(text[at - 1]) && (after >= text.Length || !char.IsLetterOrDigit(text[after])))
            {
                return true;
            }
        }

        return false;
    }
}
