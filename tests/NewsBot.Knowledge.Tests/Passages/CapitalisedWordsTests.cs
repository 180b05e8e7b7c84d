using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Tests.Passages;

public sealed class CapitalisedWordsTests
{
    [Theory]
    [InlineData("On Tuesday Meta released Llama 2 to researchers.", "Tuesday Meta Llama 2 . ")]
    [InlineData("Developers can use it. Commercial use is allowed.", ". . ")]
    [InlineData("NVIDIA passed $1 trillion.", "NVIDIA . ")]
    [InlineData("GPT-4 launched in March.", "GPT-4 March . ")]
    [InlineData("xAI raised money.", "xAI . ")]
    [InlineData("Released in 2023 by Google.", "Google . ")]
    public void Of_KeepsTheWordsWrittenAsNames_ButNotASentencesFirstOrdinaryWord(string text, string expected)
    {
        Assert.Equal(expected, CapitalisedWords.Of(text));
    }
}
