using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class ChatWordingTests
{
    [Theory]
    [InlineData("who led openai's 6.6b round", "who led openai's 6.6 billion round")]
    [InlineData("did amazon put in $4b", "did amazon put in $4 billion")]
    [InlineData("what was the 10bn deal", "what was the 10 billion deal")]
    [InlineData("when they raised the 385m", "when they raised the 385 million")]
    [InlineData("the €105M seed", "the €105 million seed")]
    public void Normalise_WritesAmountsAsNewsProseDoes(string question, string expected)
    {
        Assert.Equal(expected, ChatWording.Normalise(question));
    }

    [Theory]
    [InlineData("is mistral 7b open source")]
    [InlineData("how good is llama 3 70b")]
    [InlineData("what's the 128k context window")]
    [InlineData("what did abc news report")]
    [InlineData("bot detection rules in the eu")]
    public void Normalise_LeavesModelSizesAndLoneShorthandAlone(string question)
    {
        Assert.Equal(question, ChatWording.Normalise(question));
    }

    [Theory]
    [InlineData("hey bot how big is phi-2", "how big is phi-2")]
    [InlineData("bot, who makes grok", "who makes grok")]
    [InlineData("@NewsBot whats new", "whats new")]
    [InlineData("how many ppl work at mistral", "how many people work at mistral")]
    [InlineData("what do model makers share with the govt", "what do model makers share with the government")]
    [InlineData("biggest llama model rn?", "biggest llama model right now?")]
    [InlineData("did openai ever actually say how big it is", "did openai say how big it is")]
    [InlineData("what was that pay-per-use thing", "what was that pay-per-use ")]
    [InlineData("how many params does phi 2 have", "how many parameters does phi 2 have")]
    [InlineData("whats the ctx length of claude 2", "whats the context length of claude 2")]
    [InlineData("what does eo 14110 require", "what does executive order 14110 require")]
    [InlineData("wen did gpt4 launch", "when did gpt4 launch")]
    [InlineData("wats the knowledge cutoff", "whats the knowledge cutoff")]
    [InlineData("when did claude 2 come out", "when did claude 2 release")]
    [InlineData("was phi 2 ok for commercial use when it first came out", "was phi 2 ok for commercial use when it first was released")]
    public void Normalise_DropsTheBotsNameAndSpellsOutChatShorthand(string question, string expected)
    {
        Assert.Equal(expected, ChatWording.Normalise(question));
    }

    [Fact]
    public void Normalise_KeepsAQuestionAboutTheStartAQuestionAboutTheStart()
    {
        Assert.Equal(TemporalFocus.Earliest, QuestionIntent.Of(ChatWording.Normalise("was phi 2 ok for commercial use when it first came out")).Temporal);
    }

    [Fact]
    public void Normalise_ReadsTheShorthandForNowAsAQuestionAboutNow()
    {
        Assert.Equal(TemporalFocus.Latest, QuestionIntent.Of(ChatWording.Normalise("who runs openai rn")).Temporal);
    }
}
