using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers.Evidence;

public sealed class PassageReadingsTests(SampleKnowledgeFixture sample) : IClassFixture<SampleKnowledgeFixture>
{
    [Fact]
    public void Ask_QuotesTheSamePassage_WhenItsReadingComesFromTheCache()
    {
        var first = sample.Knowledge.Ask("How long was Phi-2 trained and on how many GPUs?");
        var second = sample.Knowledge.Ask("How long was Phi-2 trained and on how many GPUs?");

        Assert.Equal(first.Results[0].Passage, second.Results[0].Passage);
        Assert.Equal(first.Results[0].Highlight, second.Results[0].Highlight);
        Assert.Equal("Training", second.Results[0].Heading);
    }

    [Fact]
    public void Of_SplitsSentencesAndReadsTheirTermsAndFacts()
    {
        using var analyzer = new NewsBot.Knowledge.Analysis.NewsAnalyzer();

        var reading = PassageReading.Of(analyzer, "Phi-2 has 2.7 billion parameters. It was released in December 2023.", "Size", 3);

        Assert.Equal(2, reading.Sentences.Count);
        Assert.Contains("phi2", reading.SentenceTerms[0]);
        Assert.Contains("2.7", reading.Facts[0].Numbers);
        Assert.Contains("december", reading.Facts[1].Dates);
        Assert.Contains("size", reading.HeadingTerms);
        Assert.Equal(3, reading.Index);
    }
}
