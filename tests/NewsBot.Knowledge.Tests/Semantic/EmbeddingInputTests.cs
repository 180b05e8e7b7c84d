using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Tests.Semantic;

public sealed class EmbeddingInputTests
{
    [Fact]
    public void For_PutsTitleAndHeadingBeforeThePassage()
    {
        var input = EmbeddingInput.For("Microsoft relicenses Phi-2", "Licence", "The model is now under MIT.");

        Assert.Equal("Microsoft relicenses Phi-2. Licence. The model is now under MIT.", input);
    }

    [Fact]
    public void For_CutsLongPassagesAtTheWordLimit_SoTheModelNeverGetsMoreThanItCanRead()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => "word" + i));

        var input = EmbeddingInput.For("Title", null, text);

        Assert.Equal(EmbeddingInput.MaxWords, input.Split(' ').Length);
        Assert.EndsWith("word" + (EmbeddingInput.MaxWords - 2), input);
    }

    [Fact]
    public void Key_IsTheSameForTheSameInput_AndDiffersWhenTheTitleChanges()
    {
        var key = EmbeddingInput.Key(EmbeddingInput.For("Phi-2", null, "Same passage."));

        Assert.Equal(key, EmbeddingInput.Key(EmbeddingInput.For("Phi-2", null, "Same passage.")));
        Assert.NotEqual(key, EmbeddingInput.Key(EmbeddingInput.For("Phi-3", null, "Same passage.")));
    }
}
