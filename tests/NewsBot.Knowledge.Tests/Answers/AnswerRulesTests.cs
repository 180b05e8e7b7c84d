using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// The rules around the fitted answer model, on the sample collection: names and versions must match, "now" and
/// "at first" questions, dates, typos.
/// </summary>
public sealed class AnswerRulesTests(SampleKnowledgeFixture sample) : IClassFixture<SampleKnowledgeFixture>
{
    private KnowledgeBase Knowledge => sample.Knowledge;

    [Theory]
    [InlineData("How many parameters does Phi-4 have?")]
    [InlineData("What did Claude 4 score on coding?")]
    [InlineData("When was GPT-5 released?")]
    public void Ask_Declines_AQuestionAboutAModelVersionTheCollectionDoesNotHave_AndOffersTheClosestTitles(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.False(answer.Answered, $"answered with {string.Join(", ", answer.Results.Select(r => r.Article.Id))}");
        Assert.NotEmpty(answer.Closest);
    }

    [Theory]
    [InlineData("released")]
    [InlineData("latest news")]
    [InlineData("what happened in 2024")]
    [InlineData("model")]
    public void Ask_Declines_AQuestionAboutNothingInParticular_AndOffersTheClosestTitles(string question)
    {
        // One word that names nothing: every passage holding it covers the whole question, and was quoted with
        // confidence ("licence" quoted the research-only Phi-2 release at 0.74 on the full collection).
        var answer = Knowledge.Ask(question);

        Assert.False(answer.Answered, $"answered with {string.Join(", ", answer.Results.Select(r => r.Article.Id))}");
        Assert.NotEmpty(answer.Closest);
    }

    [Theory]
    [InlineData("phi-2", PhiReleaseUrl, PhiMitUrl)]
    [InlineData("gpt-4o", Gpt4oUrl, Gpt4oUrl)]
    [InlineData("licence of phi-2", PhiReleaseUrl, PhiMitUrl)]
    public void Ask_Answers_AQuestionThatNamesItsTopic_EvenInOneOrTwoWords(string question, string oneUrl, string otherUrl)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered, $"declined at {answer.Confidence}");
        Assert.Contains(answer.Results[0].Article.Url.AbsoluteUri, new[] { oneUrl, otherUrl });
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-x")]
    [InlineData("B?")]
    public void Ask_Declines_AMessageOfOneLetter(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.False(answer.Answered);
        Assert.Equal(0, answer.Confidence);
    }

    [Fact]
    public void Analyse_KeepsAnAmountAfterAName_AsAnAmount_NotAsAModelVersion()
    {
        var analysis = Knowledge.Analyse("did openai's 6.6b round close");

        // Chat's "6.6b" is read as news prose writes it, "$6.6 billion", and "6.6" before "billion" is no version.
        Assert.DoesNotContain(analysis.Weights.Keys, term => term.StartsWith("openai6", StringComparison.Ordinal));
        Assert.Contains("6.6", analysis.Weights.Keys);
        Assert.Contains("billion", analysis.Weights.Keys);
    }

    [Fact]
    public void Analyse_KeepsAVersionAfterAName_AsAModelVersion()
    {
        var analysis = Knowledge.Analyse("how many parameters does phi 4 have");

        Assert.Contains("phi4", analysis.Names.Keys);
    }

    [Fact]
    public void Analyse_DropsAVersionJoinedToAnOrdinaryWord()
    {
        // "use 2" is not a model: the collection writes "use" in lower case and never joins it with a version.
        var analysis = Knowledge.Analyse("is phi 2 ok for commercial use 2 years on");

        Assert.DoesNotContain("use2", analysis.Names.Keys);
        Assert.Contains("phi2", analysis.Names.Keys);
    }

    [Fact]
    public void Analyse_DropsAVersionJoinedToAnOrdinaryWord_AfterAModelName()
    {
        // In "gpt 4o models 2": "4o" is a version, so it does not make "models 2" part of a name.
        var analysis = Knowledge.Analyse("are gpt 4o models 2 times faster");

        Assert.DoesNotContain("models2", analysis.Names.Keys);
        Assert.Contains("gpt4o", analysis.Names.Keys);
    }

    [Fact]
    public void Ask_LeadsWithTheNewestArticleOnTheTopic_WhenTheQuestionSaysNow()
    {
        var answer = Knowledge.Ask("What is Microsoft's newest Phi model?");

        Assert.True(answer.Answered);
        Assert.Equal(Phi3Url, answer.Results[0].Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_LeadsWithTheEarliestArticleOnTheTopic_WhenTheQuestionSaysAtFirst()
    {
        var answer = Knowledge.Ask("What licence did Phi-2 have when it first came out?");

        Assert.Equal(PhiReleaseUrl, answer.Ranking[0].Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_MarksOlderArticlesThatAnswerToo_AsOlderCoverage()
    {
        var answer = Knowledge.Ask("Is Phi-2 licensed for commercial use?");

        Assert.Equal(PhiMitUrl, answer.Results[0].Article.Url.AbsoluteUri);
        Assert.False(answer.Results[0].IsOlder);
        Assert.Contains(answer.Results, r => r.Article.Url.AbsoluteUri == PhiReleaseUrl && r.IsOlder);
    }

    [Theory]
    [InlineData("Is Phi-2 licensed for commercial use?")]
    [InlineData("What licence did Phi-2 have when it first came out?")]
    [InlineData("What licence did Phi-2 have in December 2023?")]
    public void Ask_NamesNoNewerCoverage_WhenTheLeadIsTheNewest_OrTheQuestionAsksAboutThePast(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.DoesNotContain(answer.Results, r => r.IsNewer);
    }

    [Theory]
    [InlineData("is phi-2 licensed for comercial use", "commerci")]
    [InlineData("is phi-2 licnesed for commercial use", "licens")]
    public void Analyse_ReadsATypoAsTheCollectionsWordOneEditAway(string question, string corrected)
    {
        Assert.Contains(corrected, Knowledge.Analyse(question).Weights.Keys);
    }

    [Fact]
    public void Analyse_LeavesShortUnknownWordsAlone()
    {
        // "reset" is one edit from "rest", a word of another meaning.
        Assert.Contains("reset", Knowledge.Analyse("how do I reset the phi model").Weights.Keys);
    }

    [Fact]
    public void Ask_PrefersTheArticlePublishedWhenTheQuestionSays()
    {
        var answer = Knowledge.Ask("What did Microsoft release in December 2023?");

        Assert.Equal(PhiReleaseUrl, answer.Ranking[0].Url.AbsoluteUri);
    }
}
