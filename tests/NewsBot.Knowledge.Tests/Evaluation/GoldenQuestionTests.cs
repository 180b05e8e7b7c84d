using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class GoldenQuestionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ReadsQuestionsSkippingBlankLines_WhenEveryLineIsValid()
    {
        var path = _folder.Write("q.jsonl", """
            {"id": "phi", "question": "Is Phi-2 open?", "expect": ["https://example.org/a", "https://example.org/b"]}

            {"question": "When was GPT-5 released?", "expect": []}
            {"ID": "upper", "Question": "Case?", "Expect": ["https://example.org/c"], "note": "ignored"}
            """);

        var questions = GoldenQuestion.Load(path);

        Assert.Equal(3, questions.Count);
        Assert.Equal(("phi", "Is Phi-2 open?", true), (questions[0].Id, questions[0].Question, questions[0].Answerable));
        Assert.Equal(["https://example.org/a", "https://example.org/b"], questions[0].Expect);
        Assert.Equal(("line3", "When was GPT-5 released?", false), (questions[1].Id, questions[1].Question, questions[1].Answerable));
        Assert.Equal("upper", questions[2].Id);
    }

    [Fact]
    public void Load_ReadsMustPatternsAndKind_AndNamesAKindWhenTheFileDoesNot()
    {
        var path = _folder.Write("q.jsonl", """
            {"id": "d1", "question": "How big is Phi-2?", "expect": ["https://example.org/a"], "must": ["2\\.7 ?(B\\b|billion)"], "kind": "number"}
            {"id": "d2", "question": "Who won the cup?", "expect": []}
            {"id": "d3", "question": "Is it open?", "expect": ["https://example.org/a"]}
            """);

        var questions = GoldenQuestion.Load(path);

        Assert.Equal(["2\\.7 ?(B\\b|billion)"], questions[0].Must);
        Assert.Equal(["number", "unanswerable", "answerable"], questions.Select(q => q.Kind));
        Assert.True(questions[0].Grounds("Phi-2 has 2.7 billion parameters."));
        Assert.True(questions[0].Grounds("PHI-2 HAS 2.7B PARAMETERS"));
        Assert.False(questions[0].Grounds("Phi-2 is small."));
        Assert.False(questions[0].Grounds(null));
        Assert.True(questions[2].Grounds("anything at all"));
    }

    [Fact]
    public void Load_ReadsALineWithALoneSurrogate_AsTheReplacementCharacter_AndTheRestOfTheFile()
    {
        var path = _folder.Write("q.jsonl", """
            {"id": "odd", "question": "is phi-2 open \ud800 source", "expect": []}
            {"id": "pair", "question": "emoji \ud83d\ude00 stays", "expect": []}
            {"id": "low", "question": "low \udc00 alone", "expect": []}
            {"id": "fine", "question": "Is Phi-2 open?", "expect": ["https://example.org/a"]}
            """);

        var questions = GoldenQuestion.Load(path);

        Assert.Equal(["odd", "pair", "low", "fine"], questions.Select(q => q.Id));
        Assert.Equal("is phi-2 open \ufffd source", questions[0].Question);
        Assert.Equal("emoji \ud83d\ude00 stays", questions[1].Question);
        Assert.Equal("low \ufffd alone", questions[2].Question);
    }

    [Fact]
    public void Load_ThrowsFormatExceptionNamingTheLine_WhenAMustPatternIsNotARegularExpression()
    {
        var path = _folder.Write("q.jsonl", """
            {"question": "q", "expect": ["https://example.org/a"], "must": ["(unclosed"]}
            """);

        var error = Assert.Throws<FormatException>(() => GoldenQuestion.Load(path));

        Assert.Contains(":1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("(unclosed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"question\": \"q\", \"expect\": [\"a\"]")]
    [InlineData("{\"question\": \"q\"}")]
    [InlineData("{\"expect\": []}")]
    [InlineData("{\"question\": \"\", \"expect\": []}")]
    [InlineData("{\"question\": \"q\", \"expect\": \"https://example.org\"}")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void Load_ThrowsFormatExceptionNamingFileAndLine_WhenALineIsBad(string badLine)
    {
        var path = _folder.Write("q.jsonl", "{\"question\": \"ok\", \"expect\": []}\n\n" + badLine + "\n{\"question\": \"ok\", \"expect\": []}\n");

        var error = Assert.Throws<FormatException>(() => GoldenQuestion.Load(path));

        Assert.StartsWith($"{path}:3: ", error.Message);
    }

    [Fact]
    public void Load_ReadsTheRepositoryGoldenQuestions_WithAnswerableAndUnanswerableOnes()
    {
        var questions = GoldenQuestion.Load(RepositoryPaths.GoldenQuestions);

        Assert.True(questions.Count >= 50);
        Assert.Contains(questions, q => q.Answerable);
        Assert.Contains(questions, q => !q.Answerable);
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
    }
}
