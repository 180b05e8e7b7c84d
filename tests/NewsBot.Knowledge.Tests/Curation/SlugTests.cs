using NewsBot.Knowledge.Curation.Drafts;

namespace NewsBot.Knowledge.Tests.Curation;

public sealed class SlugTests
{
    [Theory]
    [InlineData("OpenAI's GPT-4o: faster, cheaper", "openais-gpt-4o-faster-cheaper")]
    [InlineData("Contoso ouvre un laboratoire d’IA à Zürich", "contoso-ouvre-un-laboratoire-dia-a-zurich")]
    [InlineData("  --Hello,   world!--  ", "hello-world")]
    [InlineData("人工智能", "article")]
    [InlineData(null, "article")]
    [InlineData("A very long headline that goes on and on about a model that does many things at once", "a-very-long-headline-that-goes-on-and-on-about-a-model-that")]
    public void From_MakesLowerCaseAsciiWordsJoinedByHyphens(string? title, string expected)
    {
        var slug = Slug.From(title);

        Assert.Equal(expected, slug);
        Assert.True(slug.Length <= Slug.MaxLength);
    }
}
