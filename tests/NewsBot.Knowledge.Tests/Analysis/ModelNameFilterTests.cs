using Lucene.Net.Analysis.TokenAttributes;
using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Tests.Analysis;

/// <summary>
/// The exact token stream the analyzer gives around model names (term, position increment, offsets, keyword flag):
/// what highlighting, proximity and phrase matching see, so it must not drift when the filter changes.
/// </summary>
public sealed class ModelNameFilterTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private string Stream(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var keyword = stream.AddAttribute<IKeywordAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}/{increment.PositionIncrement}/{offset.StartOffset}-{offset.EndOffset}{(keyword.IsKeyword ? "/k" : string.Empty)}");
        }

        stream.End();
        return string.Join(' ', tokens);
    }

    [Theory]
    [InlineData("phi 2", "phi/1/0-3 2/1/4-5/k phi2/0/0-5/k")]
    [InlineData("Phi-2 licence", "phi/1/0-3 2/1/4-5/k phi2/0/0-5/k licens/1/6-13")]
    [InlineData("phi2", "phi/1/0-3 2/1/3-4/k phi2/0/0-4/k")]
    [InlineData("gpt4o rocks", "gpt/1/0-3 4o/1/3-5/k gpt4o/0/0-5/k rock/1/6-11")]
    [InlineData("Llama 3.1 70B", "llama/1/0-5 3.1/1/6-9/k llama3.1/0/0-9/k 70b/1/10-13/k")]
    [InlineData("meta llama 3", "meta/1/0-4 llama/1/5-10 3/1/11-12/k llama3/0/5-12/k")]
    public void Stream_JoinsNameAndVersion_AtTheVersionPosition(string text, string expected)
    {
        Assert.Equal(expected, Stream(text));
    }

    [Theory]
    [InlineData("phi 2 3 4", "phi/1/0-3 2/1/4-5/k phi2/0/0-5/k 3/1/6-7/k 4/1/8-9/k")]
    [InlineData("a phi2 3", "phi/2/2-5 2/1/5-6/k phi2/0/2-6/k 3/1/7-8/k")]
    [InlineData("phi the 2", "phi/1/0-3 2/2/8-9/k")]
    [InlineData("gpt  5", "gpt/1/0-3 5/1/5-6/k")]
    [InlineData("March 2023", "march/1/0-5 2023/1/6-10")]
    [InlineData("Qwen-7B-Chat", "qwen/1/0-4 7b/1/5-7/k qwen7b/0/0-7/k chat/1/8-12")]
    [InlineData("2 phi", "2/1/0-1/k phi/1/2-5")]
    [InlineData("phi", "phi/1/0-3")]
    public void Stream_JoinsOnlyAWordWithTheVersionRightAfterIt(string text, string expected)
    {
        Assert.Equal(expected, Stream(text));
    }

    [Fact]
    public void Stream_StartsAfresh_WhenTheAnalyzerIsReused()
    {
        Assert.Equal("phi/1/0-3", Stream("phi"));

        Assert.Equal("2/1/0-1/k", Stream("2"));
    }
}
