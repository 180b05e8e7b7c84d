using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Tests.Curation;

/// <summary>Page text written as Markdown reads back as the same text: it never becomes markup.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Plain sentence about Phi-2, with a comma.")]
    [InlineData("Emphasis *like this* and __that__ and `code` stay literal.")]
    [InlineData("[a link](javascript:alert(1)) and ![an image](https://tracker.example.net/p.gif)")]
    [InlineData("<script>alert(\"x\")</script> and <b>bold</b> are text.")]
    [InlineData("Entities &amp; &#169; &copy; stay as typed, and AT&T too.")]
    [InlineData("# Not a heading")]
    [InlineData("- not a list item")]
    [InlineData("+ not a list item either")]
    [InlineData("2024. A year of models")]
    [InlineData("1) the first point")]
    [InlineData("> not a quote")]
    [InlineData("=== not an underline")]
    [InlineData("~~~ not a fence")]
    [InlineData("A backslash \\ and a \\* stay.")]
    [InlineData("C# and F# are languages; so is 100% real text.")]
    public void Escape_ReadsBackAsTheSameText(string text)
    {
        var blocks = MarkdownBody.Paragraphs(MarkdownText.Escape(text), 1);

        Assert.Equal(text, Assert.Single(blocks).Text);
    }

    [Fact]
    public void Render_WritesParagraphsHeadingsAndListItems()
    {
        var markdown = MarkdownText.Render(
        [
            new MarkdownBlock(MarkdownBlockKind.Paragraph, "First paragraph."),
            new MarkdownBlock(MarkdownBlockKind.Heading, "A *heading*"),
            new MarkdownBlock(MarkdownBlockKind.ListItem, "one"),
            new MarkdownBlock(MarkdownBlockKind.ListItem, "two"),
            new MarkdownBlock(MarkdownBlockKind.Paragraph, "Last."),
        ]);

        Assert.Equal("First paragraph.\n\n## A \\*heading\\*\n\n- one\n- two\n\nLast.", markdown);
        var read = MarkdownBody.Paragraphs(markdown, 1);
        Assert.Equal(["First paragraph.", "one", "two", "Last."], read.Select(b => b.Text));
        Assert.Equal("A *heading*", read[1].Heading);
    }
}
