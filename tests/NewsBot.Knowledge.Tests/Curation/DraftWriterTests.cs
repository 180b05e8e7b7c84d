using System.Text;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation.Drafts;
using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Tests.Curation;

/// <summary>A draft's front matter reads back as written, whatever the page put in its title or publisher.</summary>
public sealed class DraftWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Plain title")]
    [InlineData("Phi-2: a small model # with a hash")]
    [InlineData("He said \"free\" \\ and left")]
    [InlineData("Title\nurl: https://attacker.example.net/")]
    [InlineData("---")]
    [InlineData("'single' and {braces} and [brackets] & *stars*")]
    [InlineData("Émoji 🤖 and 人工智能 and \u2028 a line separator")]
    public void Text_TitleAndSource_ReadBackAsTheSameValues(string value)
    {
        var draft = new DraftContent(value, new Uri("https://example.org/story"), PageDate.Parse("2024-01-06"), null, value, ["tag: one"], value, [new MarkdownBlock(MarkdownBlockKind.Paragraph, "Body text.")]);

        var result = ArticleReader.Read(Encoding.UTF8.GetBytes(DraftWriter.Text(draft)), "2024/story.md", "story.md", Now);

        var article = Assert.IsType<Article>(result.Article);
        Assert.Empty(result.Problems);
        Assert.Equal(value.Trim(), article.Title);
        Assert.Equal(value.Trim(), article.Source);
        Assert.Equal(value.Trim(), article.Summary);
        Assert.Equal(["tag: one"], article.Tags);
        Assert.Equal(new Uri("https://example.org/story"), article.Url);
    }

    [Fact]
    public void Text_WithoutTitleOrDate_LeavesThemEmptyWithAComment_SoLintNamesThem()
    {
        var draft = new DraftContent(null, new Uri("https://example.org/story"), null, null, null, [], null, [new MarkdownBlock(MarkdownBlockKind.Paragraph, "Body text.")]);

        var result = ArticleReader.Read(Encoding.UTF8.GetBytes(DraftWriter.Text(draft)), "2026/story.md", "story.md", Now);

        Assert.Null(result.Article);
        Assert.Equal(
            ["story.md:2: error: required field 'title' is empty", "story.md:4: error: required field 'published' is empty"],
            result.Problems.Select(p => p.ToString()));
    }
}
