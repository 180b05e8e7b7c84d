using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Knowledge.Tests.Answers;

public sealed class QuestionQueryTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private Lucene.Net.Search.Query? Build(string question)
    {
        var cleaned = QuestionQuery.Clean(question);
        return new QuestionQuery(_analyzer, RankingSettings.Default).Build(cleaned, TextAnalysis.Tokens(_analyzer, "text", cleaned));
    }

    [Theory]
    [InlineData("  Is Phi-2 open?  ", "Is Phi-2 open?")]
    [InlineData("\tphi\n", "phi")]
    [InlineData("", "")]
    public void Clean_TrimsWhiteSpace(string question, string expected)
    {
        Assert.Equal(expected, QuestionQuery.Clean(question));
    }

    [Fact]
    public void Clean_KeepsFirst500Characters_WhenQuestionIsLonger()
    {
        var question = "Phi-2 " + new string('x', 1000);

        var cleaned = QuestionQuery.Clean(question);

        Assert.Equal(QuestionQuery.MaxQuestionLength, cleaned.Length);
        Assert.StartsWith("Phi-2 x", cleaned);
    }

    [Theory]
    [InlineData("")]
    [InlineData("what is it?")]
    [InlineData("AND OR NOT")]
    [InlineData("* ? ~ ^ \" ( ) [ ] { } : \\ / + - && || !")]
    public void Build_ReturnsNull_WhenQuestionHasNoSearchableWord(string question)
    {
        Assert.Null(Build(question));
    }

    [Theory]
    [InlineData("Phi-2 AND licence")]
    [InlineData("title:phi OR text:gpt")]
    [InlineData("\"unclosed phrase")]
    [InlineData("phi~0.5 licence^10")]
    [InlineData("[a TO z]")]
    [InlineData("/regex.*/")]
    public void Build_SearchesWordsOnly_WhenQuestionLooksLikeQuerySyntax(string question)
    {
        var query = Build(question);

        Assert.NotNull(query);
        var text = query.ToString();
        Assert.DoesNotContain("*", text);
        Assert.DoesNotContain(" TO ", text);
        Assert.DoesNotContain("~0.5", text);
        Assert.DoesNotContain("^10", text);
        Assert.DoesNotMatch(@"(^|[\s(])-", text);
        Assert.Contains("text:", text);
    }
}
