using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Tests.Passages;

public sealed class PassageSplitterTests
{
    private static string Words(string prefix, int count) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"{prefix}{i}"));

    [Fact]
    public void Constructor_Uses25And250Words_WhenNoLimitsAreGiven()
    {
        var splitter = new PassageSplitter();

        Assert.Equal(25, splitter.MinWords);
        Assert.Equal(250, splitter.MaxWords);
    }

    [Fact]
    public void Split_MergesShortParagraphs_WhenTheyShareAHeading()
    {
        var blocks = new[]
        {
            new ArticleBlock("Licence", "Phi-2 is MIT licensed.", 10),
            new ArticleBlock("Licence", "Commercial use is allowed.", 12),
            new ArticleBlock("Licence", "The change came in January.", 14),
        };

        var passage = Assert.Single(new PassageSplitter().Split(blocks));

        Assert.Equal("Phi-2 is MIT licensed. Commercial use is allowed. The change came in January.", passage.Text);
        Assert.Equal("Licence", passage.Heading);
        Assert.Equal(10, passage.Line);
        Assert.Equal(0, passage.Index);
    }

    [Fact]
    public void Split_MergesShortParagraphIntoLongNeighbour_WhenTheyShareAHeading()
    {
        var blocks = new[]
        {
            new ArticleBlock(null, Words("long", 30), 1),
            new ArticleBlock(null, "Short tail.", 3),
        };

        var passage = Assert.Single(new PassageSplitter().Split(blocks));

        Assert.Equal(Words("long", 30) + " Short tail.", passage.Text);
    }

    [Fact]
    public void Split_KeepsParagraphsApart_WhenBothAreLongEnough()
    {
        var blocks = new[]
        {
            new ArticleBlock(null, Words("a", 30), 1),
            new ArticleBlock(null, Words("b", 30), 3),
        };

        var passages = new PassageSplitter().Split(blocks);

        Assert.Equal([Words("a", 30), Words("b", 30)], passages.Select(p => p.Text));
        Assert.Equal([0, 1], passages.Select(p => p.Index));
        Assert.Equal([1, 3], passages.Select(p => p.Line));
    }

    [Fact]
    public void Split_DoesNotMergeAcrossHeadings_WhenParagraphsAreShort()
    {
        var blocks = new[]
        {
            new ArticleBlock(null, "Intro.", 1),
            new ArticleBlock("Before", "Research only.", 5),
            new ArticleBlock("After", "MIT licence.", 9),
            new ArticleBlock("After", "Commercial use.", 11),
        };

        var passages = new PassageSplitter().Split(blocks);

        Assert.Equal(
            [(null, "Intro."), ("Before", "Research only."), ("After", "MIT licence. Commercial use.")],
            passages.Select(p => (p.Heading, p.Text)));
    }

    [Fact]
    public void Split_DoesNotMerge_WhenMergedTextWouldExceedMaxWords()
    {
        var splitter = new PassageSplitter(minWords: 5, maxWords: 10);
        var blocks = new[]
        {
            new ArticleBlock(null, Words("a", 8), 1),
            new ArticleBlock(null, Words("b", 4), 3),
        };

        var passages = splitter.Split(blocks);

        Assert.Equal([Words("a", 8), Words("b", 4)], passages.Select(p => p.Text));
    }

    [Fact]
    public void Split_SplitsLongParagraphAtSentences_WithNoSentenceLost()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence number {i} says Dr. Smith paid 3.5 dollars.").ToList();
        var block = new ArticleBlock("Long", string.Join(' ', sentences), 7);
        var splitter = new PassageSplitter(minWords: 5, maxWords: 30);

        var passages = splitter.Split([block]);

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.InRange(PassageSplitter.WordCount(p.Text), 1, 30));
        Assert.All(passages, p => Assert.EndsWith(".", p.Text));
        Assert.All(passages, p => Assert.Equal(("Long", 7), (p.Heading, p.Line)));
        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Index));
        Assert.Equal(sentences, passages.SelectMany(p => SentenceSplitter.Split(p.Text)));
    }

    [Fact]
    public void Split_KeepsSentenceWhole_WhenOneSentenceIsLongerThanMaxWords()
    {
        var giant = "Giant " + Words("w", 50) + ".";
        var block = new ArticleBlock(null, "Short start. " + giant + " Short end.", 1);

        var passages = new PassageSplitter(minWords: 5, maxWords: 20).Split([block]);

        Assert.Equal(["Short start.", giant, "Short end."], passages.Select(p => p.Text));
    }

    [Fact]
    public void Split_ReturnsNothing_WhenThereAreNoBlocks()
    {
        Assert.Empty(new PassageSplitter().Split([]));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("one", 1)]
    [InlineData(" one  two\tthree\nfour ", 4)]
    [InlineData("Phi-2's MIT licence", 3)]
    public void WordCount_CountsWhitespaceSeparatedWords(string text, int expected)
    {
        Assert.Equal(expected, PassageSplitter.WordCount(text));
    }
}
