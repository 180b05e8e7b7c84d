using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Evidence;

public sealed class PassageEvidenceTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private PassageReading Reading(string text) => PassageReading.Of(_analyzer, text, null, 0);

    private Dictionary<string, double> Weights(params (string Word, double Weight)[] words) =>
        words.ToDictionary(w => TextAnalysis.Tokens(_analyzer, "text", w.Word).Last().Term, w => w.Weight);

    private List<PassageEvidence> Read(string question, Dictionary<string, double> weights, params string[] passages) =>
        PassageEvidence.Read(passages.Select(Reading).ToList(), weights, QuestionIntent.Of(question), SentenceFacts.WordsOf(question));

    [Fact]
    public void Read_HighlightsTheSentenceHoldingTheAskedKindOfFact_OverOneThatOnlyRepeatsTheQuestion()
    {
        const string passage = "Google renamed Bard to Gemini to align the chatbot with its models. Google renamed its Bard chatbot to Gemini on 8 February 2024.";

        var evidence = Read("when did google rename bard to gemini", Weights(("google", 1), ("renamed", 2), ("bard", 2), ("gemini", 2)), passage)[0];

        Assert.Equal("Google renamed its Bard chatbot to Gemini on 8 February 2024.", evidence.Highlight(passage));
        Assert.True(evidence.TypeInWindow);
        Assert.True(evidence.TypeInPassage);
    }

    [Fact]
    public void Read_ScoresTheAskedKindOfFact_BySentenceItStandsIn_NotByTheWindowAroundIt()
    {
        // Both passages hold a date and every question term, but only the first holds them in one sentence.
        var passages = new[]
        {
            "Google renamed its Bard chatbot to Gemini on 8 February 2024. Pichai explained why.",
            "Pichai explained why Google renamed Bard to Gemini. Bard had run on Gemini Pro since December 2023.",
        };

        var evidence = Read("when did google rename bard to gemini", Weights(("google", 1), ("renamed", 2), ("bard", 2), ("gemini", 2)), passages);

        Assert.Equal(1, evidence[0].TypedSentenceCoverage, 3);
        Assert.True(evidence[1].TypedSentenceCoverage < 0.7, $"a date beside only some of the question's words: {evidence[1].TypedSentenceCoverage}");
        Assert.Equal(0, Read("is bard renamed", Weights(("bard", 2), ("renamed", 2)), passages[0])[0].TypedSentenceCoverage);
    }

    [Fact]
    public void Read_SetsAsideASentenceAboutAnotherLetteredName_ThanTheOneAsked()
    {
        // The Series C sentence holds a valuation and the question's other words, but of another round.
        const string mixed = "xAI followed the Series B with a $6 billion Series C round in December 2024. The xAI Series C was reported to value xAI at about $45 billion.";
        const string asked = "The xAI Series B valued the company at $24 billion.";
        const string question = "what was xai valued at in the series b";
        var weights = Weights(("xai", 2), ("valued", 3), ("series", 2));

        var evidence = PassageEvidence.Read([Reading(mixed), Reading(asked)], weights, QuestionIntent.Of(question), SentenceFacts.WordsOf(question), ["series b"]);

        Assert.Equal("xAI followed the Series B with a $6 billion Series C round in December 2024.", evidence[0].Highlight(mixed));
        Assert.True(evidence[0].TypedSentenceCoverage < evidence[1].TypedSentenceCoverage, $"{evidence[0].TypedSentenceCoverage} against {evidence[1].TypedSentenceCoverage}");
        Assert.True(evidence[0].WindowCoverage < evidence[1].WindowCoverage, $"{evidence[0].WindowCoverage} against {evidence[1].WindowCoverage}");

        // Asked about the Series C, the same sentence is the answer.
        var seriesC = PassageEvidence.Read([Reading(mixed)], weights, QuestionIntent.Of("what was xai valued at in the series c"), SentenceFacts.WordsOf("what was xai valued at in the series c"), ["series c"]);
        Assert.Contains("$45 billion", seriesC[0].Highlight(mixed), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SetsAsideASentenceThatNamesTheRoundAskedOnlyAsWhatCameAfter()
    {
        // "Before the Series A, ... a €105 million seed round" holds money, "raised" and the round's name: of the seed round.
        const string passage = "Before the Series A, Mistral AI had raised a €105 million seed round. The €385 million Series A made Mistral AI a unicorn.";
        const string question = "how much did mistral raise in its series a";

        var evidence = PassageEvidence.Read([Reading(passage)], Weights(("mistral", 1), ("raised", 2), ("series", 2)), QuestionIntent.Of(question), SentenceFacts.WordsOf(question), ["series a"])[0];

        Assert.Equal("The €385 million Series A made Mistral AI a unicorn.", evidence.Highlight(passage));

        // Asked about that time itself, the seed round is the answer.
        const string before = "how much did mistral raise before its series a";
        var seed = PassageEvidence.Read([Reading(passage)], Weights(("mistral", 1), ("raised", 2), ("before", 2), ("series", 2)), QuestionIntent.Of(before), SentenceFacts.WordsOf(before), ["series a"])[0];
        Assert.Equal("Before the Series A, Mistral AI had raised a €105 million seed round.", seed.Highlight(passage));
    }

    [Fact]
    public void Read_HighlightsTheSentenceSayingWhatItIs_ForAWhatIsQuestion()
    {
        const string passage = "Alongside Claude 3.7 Sonnet, Anthropic launched Claude Code as a limited research preview. Claude Code is an agentic coding tool that developers run from their terminal.";

        var evidence = Read("What is Claude Code?", Weights(("claude", 1), ("code", 2)), passage)[0];

        Assert.Equal("Claude Code is an agentic coding tool that developers run from their terminal.", evidence.Highlight(passage));
        Assert.Equal(0, evidence.TypedSentenceCoverage);
    }

    [Fact]
    public void Read_JoinsTheNextSentence_WhenItAddsQuestionTerms()
    {
        const string passage = "Unrelated words come first. Phi-2 moved to the MIT licence. It allows commercial use. More unrelated words.";

        var evidence = Read("is phi-2 licensed for commercial use", Weights(("licence", 2), ("commercial", 1)), passage)[0];

        Assert.Equal("Phi-2 moved to the MIT licence. It allows commercial use.", evidence.Highlight(passage));
    }

    [Fact]
    public void Read_WeighsTermsEveryPassageOfTheArticleHolds_LeastWhenChoosingAWindow()
    {
        // "bard" is in both passages, so the window holding "promo" wins although it holds fewer question terms overall.
        var passages = new[]
        {
            "Bard answered a question in a promo. Bard said the telescope took the first exoplanet picture.",
            "Bard is Google's chatbot. Bard was renamed.",
        };

        var evidence = Read("what did bard get wrong in the promo", Weights(("bard", 2), ("promo", 2), ("wrong", 2)), passages);

        Assert.True(evidence[0].WindowCoverage > evidence[1].WindowCoverage);
        Assert.Contains("promo", evidence[0].Highlight(passages[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HighlightsTheWholePassage_WhenItIsOneSentence()
    {
        const string passage = "Phi-2 is a small language model from Microsoft";

        var evidence = Read("what is phi-2", Weights(("phi-2", 1)), passage)[0];

        Assert.Equal(passage, evidence.Highlight(passage));
    }
}
