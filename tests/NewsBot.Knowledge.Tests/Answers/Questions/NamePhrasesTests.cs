using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class NamePhrasesTests
{
    [Theory]
    [InlineData("What is Claude Code?", "Claude Code")]
    [InlineData("What is Anthropic's Claude Code?", "Claude Code")]
    [InlineData("When did Microsoft Research release Phi-2?", "Microsoft Research")]
    [InlineData("Did DeepSeek Coder ship with open weights?", "DeepSeek Coder")]
    [InlineData("What is Google's Project Mariner.", "Project Mariner")]
    public void Of_FindsTheNamesOfSeveralCapitalisedWords(string question, string expected)
    {
        Assert.Equal([expected], NamePhrases.Of(question));
    }

    [Theory]
    [InlineData("what is claude code")]
    [InlineData("When did the EU AI Act enter into force?")]
    [InlineData("What did the GPT-4 API cost at launch?")]
    [InlineData("Is Phi-2 licensed for commercial use?")]
    [InlineData("Claude released what?")]
    [InlineData("Who leads Google, Microsoft or Meta?")]
    public void Of_FindsNone_InLowerCase_AcronymsOrSingleNames(string question)
    {
        Assert.Empty(NamePhrases.Of(question));
    }
}
