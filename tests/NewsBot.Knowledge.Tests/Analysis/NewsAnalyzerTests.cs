using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Tests.Analysis;

public sealed class NewsAnalyzerTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        TextAnalysis.AddTerms(_analyzer, text, terms);
        return terms;
    }

    [Theory]
    [InlineData("Phi-2", "phi 2", "phi2", "phi2")]
    [InlineData("GPT-4o", "gpt4o", "GPT 4o", "gpt4o")]
    [InlineData("Llama 3.1", "llama3.1", "LLAMA-3.1", "llama3.1")]
    [InlineData("Claude 3.5 Sonnet", "claude3.5 sonnet", "Claude-3.5 Sonnet", "claude3.5")]
    [InlineData("Mixtral 8x7B", "mixtral8x7b", "Mixtral-8x7B", "mixtral8x7b")]
    [InlineData("Llama 3.1 405B", "llama3.1 405b", "Llama-3.1 405B", "llama3.1")]
    [InlineData("GPT-5", "gpt5", "gpt 5", "gpt5")]
    public void AddTerms_GivesSameTermsWithJoinedName_HoweverModelNameIsSpelled(string first, string second, string third, string joined)
    {
        var expected = Terms(first);

        Assert.Contains(joined, expected);
        Assert.Equal(expected, Terms(second));
        Assert.Equal(expected, Terms(third));
    }

    [Theory]
    [InlineData("OpenAI said it had withheld the figure", "what did openai say about it", "sai")]
    [InlineData("Microsoft paid $10 billion", "how much did microsoft pay", "pai")]
    [InlineData("Andreessen Horowitz led the round", "who leads the round", "lead")]
    [InlineData("Inflection sold its models to Microsoft", "did inflection sell", "sell")]
    [InlineData("Meta's Llama 3 was built on 15 trillion tokens", "what did meta build llama 3 on", "build")]
    public void AddTerms_ReadsAnIrregularVerbsPastForm_AsTheVerbChatAsksWith(string prose, string question, string verb)
    {
        Assert.Contains(verb, Terms(prose));
        Assert.Contains(verb, Terms(question));
    }

    [Fact]
    public void AddTerms_LeavesPastFormsThatAreAlsoOtherWords_Alone()
    {
        Assert.Contains("found", Terms("OpenAI was found to have breached the rules"));
        Assert.DoesNotContain("find", Terms("OpenAI was found to have breached the rules"));
        Assert.Contains("left", Terms("Murati left OpenAI"));
    }

    [Fact]
    public void Tokens_EmitNameVersionAndJoinedFormAtVersionPosition_WhenModelNameIsHyphenated()
    {
        var tokens = TextAnalysis.Tokens(_analyzer, "text", "Phi-2 rocks");

        Assert.Equal(
            [("phi", 0, false), ("2", 1, false), ("phi2", 1, true), ("rock", 2, false)],
            tokens.Select(t => (t.Term, t.Position, t.SharesPosition)));
    }

    [Fact]
    public void Tokens_EmitSameStream_WhenModelNameIsOneToken()
    {
        var tokens = TextAnalysis.Tokens(_analyzer, "text", "phi2 rocks");

        Assert.Equal(
            [("phi", 0, false), ("2", 1, false), ("phi2", 1, true), ("rock", 2, false)],
            tokens.Select(t => (t.Term, t.Position, t.SharesPosition)));
    }

    [Theory]
    [InlineData("March 2024", "march2024")]
    [InlineData("in 2023 Microsoft", "in2023")]
    [InlineData("December 1999", "december1999")]
    [InlineData("since 2020", "since2020")]
    public void AddTerms_DoesNotJoinWordWithYear_WhenNumberIsAYear(string text, string joined)
    {
        var terms = Terms(text);

        Assert.DoesNotContain(joined, terms);
        Assert.DoesNotContain(terms, t => t.Contains("20", StringComparison.Ordinal) && t.Any(char.IsAsciiLetter));
    }

    [Theory]
    [InlineData("what is")]
    [InlineData("What does it do?")]
    [InlineData("Who is he?")]
    [InlineData("how can I, please tell me")]
    [InlineData("When did they? Where were you? Why would we?")]
    [InlineData("the and of a an")]
    public void AddTerms_ReturnsNothing_WhenTextHoldsOnlyQuestionAndStopWords(string text)
    {
        Assert.Empty(Terms(text));
    }

    [Theory]
    [InlineData("What is Phi-2?", "Phi-2")]
    [InlineData("Who released Llama 3.1?", "released Llama 3.1")]
    [InlineData("Does Microsoft's model work?", "Microsoft model work")]
    public void AddTerms_IgnoresQuestionWords_WhenQuestionHasContent(string question, string content)
    {
        Assert.Equal(Terms(content), Terms(question));
    }

    [Theory]
    [InlineData("Microsoft's", "Microsoft")]
    [InlineData("Microsoft\u2019s", "Microsoft")]
    [InlineData("OpenAI's board", "OpenAI board")]
    public void AddTerms_DropsPossessive_WhenWordEndsWithApostropheS(string possessive, string plain)
    {
        Assert.Equal(Terms(plain), Terms(possessive));
    }

    [Theory]
    [InlineData("licence", "license")]
    [InlineData("licence", "licensed")]
    [InlineData("licensing", "licensed")]
    [InlineData("licences", "licenses")]
    [InlineData("licenced", "licensed")]
    [InlineData("organisation", "organization")]
    [InlineData("commercialised", "commercialized")]
    [InlineData("behaviour", "behavior")]
    [InlineData("optimising", "optimizing")]
    [InlineData("releases", "released")]
    [InlineData("models", "model")]
    public void AddTerms_GivesOneStem_WhenWordsDifferBySpellingOrInflection(string first, string second)
    {
        var stem = Assert.Single(Terms(first));

        Assert.Equal(stem, Assert.Single(Terms(second)));
    }

    [Fact]
    public void AddTerms_StemsLicenceWordsToLicens_WhenSpelledBritishOrAmerican()
    {
        Assert.Equal(["licens"], Terms("licence license licensed licensing Licences"));
    }

    [Theory]
    [InlineData("phi2", "phi2")]
    [InlineData("gpt4o", "gpt4o")]
    [InlineData("claude3.5", "claude3.5")]
    public void AddTerms_LeavesJoinedNamesUnstemmed(string text, string joined)
    {
        Assert.Contains(joined, Terms(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void AddTerms_AddsNothing_WhenTextIsEmpty(string? text)
    {
        Assert.Empty(Terms(text!));
    }

    [Theory]
    [InlineData("AND ( * ~ \"")]
    [InlineData("😀🚀")]
    [InlineData("-")]
    public void Tokens_ReturnNothing_WhenTextHasNoWords(string text)
    {
        Assert.Empty(TextAnalysis.Tokens(_analyzer, "text", text));
    }

    [Fact]
    public void Tokens_ReturnIdeographs_WhenTextIsChinese()
    {
        Assert.NotEmpty(TextAnalysis.Tokens(_analyzer, "text", "微软发布了模型"));
    }
}
