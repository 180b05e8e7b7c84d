using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Tests.Articles;

public sealed class MarkdownBodyTests
{
    [Fact]
    public void Paragraphs_CarriesHeadingToFollowingParagraphs_UntilNextHeading()
    {
        var body = """
            Intro paragraph.

            ## Licence

            First under licence.

            Second under licence.

            ### Hugging Face

            Under the subheading.
            """;

        var blocks = MarkdownBody.Paragraphs(body, 1);

        Assert.Equal(
            [(null, "Intro paragraph."), ("Licence", "First under licence."), ("Licence", "Second under licence."), ("Hugging Face", "Under the subheading.")],
            blocks.Select(b => (b.Heading, b.Text)));
    }

    [Fact]
    public void Paragraphs_ReturnsHeadingAsPlainText_WhenHeadingHasEmphasisOrSetextForm()
    {
        var body = "Is *Phi-2* **free**?\n====================\n\nYes.\n";

        var block = Assert.Single(MarkdownBody.Paragraphs(body, 1));

        Assert.Equal("Is Phi-2 free?", block.Heading);
    }

    [Theory]
    [InlineData("Phi-2 is **free** for *commercial* use.", "Phi-2 is free for commercial use.")]
    [InlineData("Read [the model card](https://huggingface.co/microsoft/phi-2) now.", "Read the model card now.")]
    [InlineData("See <https://example.org/story> for more.", "See https://example.org/story for more.")]
    [InlineData("Run `ollama run phi` to try it.", "Run ollama run phi to try it.")]
    [InlineData("Line one\nline two\\\nline three", "Line one line two line three")]
    [InlineData("Fish &amp; chips &copy; 2024", "Fish & chips © 2024")]
    [InlineData("An image ![logo](logo.png) here.", "An image logo here.")]
    [InlineData("  Lots   of    spaces  ", "Lots of spaces")]
    [InlineData("~~struck~~ text", "~~struck~~ text")]
    public void Paragraphs_ReturnsPlainText_WhenParagraphHasInlineMarkup(string markdown, string expected)
    {
        var block = Assert.Single(MarkdownBody.Paragraphs(markdown, 1));

        Assert.Equal(expected, block.Text);
    }

    [Fact]
    public void Paragraphs_ReturnsEachListItemAsPlainText_WhenBodyHasLists()
    {
        var body = """
            Changes:

            - Phi-2 moved to the **MIT** licence.
            - A [LICENSE file](https://example.org) was added.

            1. First step.
            2. Second step.
            """;

        var texts = MarkdownBody.Paragraphs(body, 1).Select(b => b.Text);

        Assert.Equal(["Changes:", "Phi-2 moved to the MIT licence.", "A LICENSE file was added.", "First step.", "Second step."], texts);
    }

    [Fact]
    public void Paragraphs_KeepsQuoteTextAndDropsCodeAndHtml_WhenBodyHasOtherBlocks()
    {
        var body = """
            > Quoted statement from Microsoft.

            ```
            var code = "not prose";
            ```

                indented code

            <div>html block</div>

            ---

            Closing paragraph.
            """;

        var texts = MarkdownBody.Paragraphs(body, 1).Select(b => b.Text);

        Assert.Equal(["Quoted statement from Microsoft.", "Closing paragraph."], texts);
    }

    [Fact]
    public void Paragraphs_NumbersBlocksWithFileLines_WhenBodyStartsAfterFrontMatter()
    {
        var body = "First.\n\n## Heading\n\nSecond\ncontinues.\n\n- item\n";

        var blocks = MarkdownBody.Paragraphs(body, firstLine: 10);

        Assert.Equal([10, 14, 17], blocks.Select(b => b.Line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# Title only")]
    [InlineData("```\ncode only\n```")]
    public void Paragraphs_ReturnsNothing_WhenBodyHasNoProse(string body)
    {
        Assert.Empty(MarkdownBody.Paragraphs(body, 1));
    }
}
