using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class QuestionClausesTests
{
    [Theory]
    [InlineData("the chip nvidia showed at gtc - how much memory does it have", "how much memory does it have", "the chip nvidia showed at gtc")]
    [InlineData("what did it cost — the model anthropic launched in march", "what did it cost", "the model anthropic launched in march")]
    [InlineData("after google merged its two labs, who ran the new one?", "who ran the new one", "after google merged its two labs")]
    [InlineData("by the time the board fired him, how much had been invested", "how much had been invested", "by the time the board fired him")]
    [InlineData("who invested in the startup that makes le chat", "who invested in the startup", "the startup that makes le chat")]
    [InlineData("the assistant that apple rebuilt last year, which model runs it?", "the assistant , which model runs it", "the assistant that apple rebuilt last year")]
    public void Of_SplitsTheDescriptionFromTheQuestion(string question, string main, string description)
    {
        var clauses = QuestionClauses.Of(question);

        Assert.NotNull(clauses);
        Assert.Equal(main, clauses.Main);
        Assert.Equal(description, clauses.Description);
    }

    [Theory]
    [InlineData("who founded mistral ai")]
    [InlineData("is azure still openai's exclusive cloud or did that end?")]
    [InlineData("which company makes qwen")]
    [InlineData("gpt-4 - gpt-4o")]
    [InlineData("what is the context window - what is the price")]
    [InlineData("after all that drama who runs openai now")]
    [InlineData("How much money did the startup raise in its Series A and who led it?")]
    [InlineData("Can we sell an app that embeds the small model, or is it still research only?")]
    public void Of_LeavesAQuestionThatDescribesNothing(string question) =>
        Assert.Null(QuestionClauses.Of(question));
}
