using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class AskedDateTests
{
    private static readonly DateTimeOffset September2023 = new(2023, 9, 25, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("How much did Amazon invest in Anthropic in September 2023?", 2023, 9)]
    [InlineData("how much had microsoft put into openai back in 2019", 2019, null)]
    [InlineData("how many weekly users did chatgpt have in oct 2024", 2024, 10)]
    [InlineData("what happened in may 2023", 2023, 5)]
    [InlineData("may i use llama 2 in my app", null, null)]
    [InlineData("who leads openai", null, null)]
    public void Of_ReadsTheYearAndMonthAQuestionNames(string question, int? year, int? month)
    {
        var date = AskedDate.Of(question);

        Assert.Equal(year, date.Year);
        Assert.Equal(month, date.Month);
    }

    [Theory]
    [InlineData("in september 2023", 1)]
    [InlineData("in 2023", 1)]
    [InlineData("in october 2023", -1)]
    [InlineData("in 2024", -1)]
    [InlineData("lately", 0)]
    public void Matches_ComparesThePublicationDate_WithTheAskedYearAndMonth(string question, int expected)
    {
        Assert.Equal(expected, AskedDate.Of(question).Matches(September2023));
    }

    [Theory]
    [InlineData("Microsoft had invested $1 billion in OpenAI in 2019.", 1)]
    [InlineData("Microsoft invested $10 billion in January 2023.", -1)]
    public void InText_SaysWhetherAPassageNamesTheAskedDate(string passage, int expected)
    {
        Assert.Equal(expected, AskedDate.Of("how much had microsoft put into openai back in 2019").InText(passage));
    }

    [Fact]
    public void InText_ReadsMayAsAMonthOnlyWhenCapitalised()
    {
        var asked = AskedDate.Of("what happened in may 2023");

        Assert.Equal(1, asked.InText("NVIDIA passed $1 trillion on 30 May 2023."));
        Assert.Equal(-1, asked.InText("Developers may use it from 2023 on."));
    }
}
