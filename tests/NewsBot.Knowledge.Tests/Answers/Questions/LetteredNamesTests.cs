using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class LetteredNamesTests
{
    private static readonly string[] Funding = ["xAI raised $6 billion in a Series B.", "Investors in xAI's Series C included NVIDIA."];

    [Theory]
    [InlineData("how much did xai raise in its series a", "series a")]
    [InlineData("What was the Series B's valuation?", "series b")]
    [InlineData("series c investors?", "series c")]
    public void Asked_ReadsAWordAndLetterTheTextsWriteWithLetters(string question, string name)
    {
        Assert.Equal([name], LetteredNames.Asked(question, () => Funding));
    }

    [Theory]
    [InlineData("is there a bigger round coming")]
    [InlineData("did xai raise a series")]
    [InlineData("can i invest in xai")]
    [InlineData("how much did xai raise in series 2")]
    public void Asked_FindsNoneWhereNoLetteredNameIsAsked(string question)
    {
        Assert.Empty(LetteredNames.Asked(question, () => Funding));
    }

    [Fact]
    public void Asked_FindsNoneWhereTheTextsNeverWriteTheWordBeforeALetter()
    {
        Assert.Empty(LetteredNames.Asked("how much did xai raise in its series a", () => ["xAI raised $6 billion in a funding round."]));
    }

    [Theory]
    [InlineData("The xAI Series B valued it at $24 billion.", "series b", true)]
    [InlineData("xAI's series  b round", "series b", true)]
    [InlineData("After the Series B's close", "series b", true)]
    [InlineData("The xAI Series B valued it at $24 billion.", "series a", false)]
    [InlineData("A Series BC note", "series b", false)]
    [InlineData("Miniseries B", "series b", false)]
    [InlineData(null, "series b", false)]
    public void Holds_FindsTheLetteredNameInAnyCase(string? text, string name, bool holds)
    {
        Assert.Equal(holds, LetteredNames.Holds(text, name));
    }

    [Theory]
    [InlineData("The xAI Series C was reported to value xAI at $45 billion.", "series b", true)]
    [InlineData("xAI followed the Series B with a Series C round.", "series b", false)]
    [InlineData("The xAI Series B valued it at $24 billion.", "series b", false)]
    [InlineData("The round valued xAI at $24 billion.", "series b", false)]
    [InlineData("A series of rounds", "series b", false)]
    public void OnlyOthers_FindsTheWordWrittenWithOtherLettersOnly(string text, string name, bool others)
    {
        Assert.Equal(others, LetteredNames.OnlyOthers(text, name));
    }

    [Theory]
    [InlineData("Before the Series A, Mistral AI had raised a €105 million seed round.", true)]
    [InlineData("Before the €385 million Series A, Mistral AI had 22 employees.", true)]
    [InlineData("Ahead of its Series A, Mistral raised a seed round.", true)]
    [InlineData("Mistral AI raised €385 million in a Series A, before its first model was a year old.", false)]
    [InlineData("Before the seed round and after it, the Series A was the plan.", false)]
    [InlineData("Before the round, the Series A was only a plan.", false)]
    [InlineData("Before the Series A, the seed round; the Series A itself raised €385 million.", false)]
    [InlineData("Mistral raised a seed round before anything else.", false)]
    public void OnlyAsEarlierTime_FindsTheNameWrittenOnlyAsWhatCameAfter(string sentence, bool earlier)
    {
        Assert.Equal(earlier, LetteredNames.OnlyAsEarlierTime(sentence, "series a"));
        Assert.Equal(earlier, LetteredNames.SpeaksOfOthers(sentence, "series a", "how much did mistral raise in its series a"));
        Assert.False(LetteredNames.SpeaksOfOthers(sentence, "series a", "was there a seed round before mistral's series a"));
    }
}
