using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Knowledge.Tests.Answers;

public sealed class SentenceHighlighterTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    /// <summary>Weights keyed by the analyzed terms of <paramref name="words"/>, each with its given weight.</summary>
    private Dictionary<string, double> Weights(params (string Word, double Weight)[] words)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, weight) in words)
        {
            foreach (var token in TextAnalysis.Tokens(_analyzer, "text", word))
            {
                weights[token.Term] = weight;
            }
        }

        return weights;
    }

    [Fact]
    public void Best_ReturnsWholePassage_WhenItIsOneSentence()
    {
        const string passage = "Phi-2 is now licensed under MIT";

        Assert.Equal(passage, SentenceHighlighter.Best(_analyzer, passage, Weights(("licence", 1))));
    }

    [Fact]
    public void Best_ReturnsSentenceWithMostQuestionWeight_WhenPassageHasSeveralSentences()
    {
        const string passage = "Phi-2 came out in December. It is licensed under the MIT licence. Nvidia sells GPUs.";

        var best = SentenceHighlighter.Best(_analyzer, passage, Weights(("licence", 2), ("MIT", 1), ("December", 0.5)));

        Assert.Equal("It is licensed under the MIT licence.", best);
    }

    [Fact]
    public void Best_AddsNextSentence_WhenItHoldsQuestionTermsTheBestOneLacks()
    {
        const string passage = "Nvidia sells GPUs. Microsoft changed the Phi-2 licence. Commercial use is now allowed. Other news follows.";

        var best = SentenceHighlighter.Best(_analyzer, passage, Weights(("Phi-2", 3), ("licence", 2), ("commercial use", 1)));

        Assert.Equal("Microsoft changed the Phi-2 licence. Commercial use is now allowed.", best);
    }

    [Fact]
    public void Best_DoesNotAddNextSentence_WhenTogetherTheyExceedSeventyWords()
    {
        var filler = string.Join(' ', Enumerable.Repeat("word", 70));
        var passage = $"Microsoft changed the Phi-2 licence. Commercial use is allowed {filler}.";

        var best = SentenceHighlighter.Best(_analyzer, passage, Weights(("Phi-2", 3), ("licence", 2), ("commercial", 1)));

        Assert.Equal("Microsoft changed the Phi-2 licence.", best);
    }

    [Fact]
    public void Best_ReturnsFirstSentence_WhenNoSentenceHoldsAQuestionTerm()
    {
        const string passage = "First sentence here. Second sentence there.";

        Assert.Equal("First sentence here.", SentenceHighlighter.Best(_analyzer, passage, Weights(("quantum", 1))));
    }
}
