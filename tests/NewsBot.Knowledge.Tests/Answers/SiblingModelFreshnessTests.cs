using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// A "now" question leads with the newest article on its topic, and an article about a sibling model is not on the
/// topic even when it is newer and mentions the model asked about: "what license is phi-2 under now" is answered by
/// the Phi-2 relicensing, not by the Phi-3 launch that says "unlike Phi-2".
/// </summary>
public sealed class SiblingModelFreshnessTests : IDisposable
{
    private const string RelicensingUrl = "https://example.org/phi-2-mit";
    private const string SiblingUrl = "https://example.org/phi-3-mini";

    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public SiblingModelFreshnessTests()
    {
        _knowledge.Write("2024/phi-2-mit.md", $$"""
            ---
            title: "Microsoft relicenses Phi-2 under the MIT licence"
            url: {{RelicensingUrl}}
            published: 2024-01-06
            tags: [microsoft, phi, licensing]
            ---
            Microsoft changed the terms of Phi-2 to MIT in January 2024, which allows commercial use.

            Developers noticed the new file in the Phi-2 repository on Hugging Face.
            """);
        _knowledge.Write("2024/phi-3-mini.md", $$"""
            ---
            title: "Microsoft launches Phi-3-mini under the MIT licence"
            url: {{SiblingUrl}}
            published: 2024-04-23
            tags: [microsoft, phi, licensing]
            ---
            Microsoft released Phi-3-mini under the MIT licence. Unlike Phi-2, whose licence was research-only when Phi-2 launched, Phi-3-mini allowed commercial use from its first day.

            Phi-3-mini has 3.8 billion parameters, more than the 2.7 billion of Phi-2, and runs on a phone.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Theory]
    [InlineData("what license is phi-2 under now")]
    [InlineData("what licence does phi-2 have these days")]
    public void Ask_LeadsWithTheModelsOwnArticle_NotANewerOneAboutASiblingModel(string question)
    {
        var answer = _kb.Ask(question);

        Assert.Equal(RelicensingUrl, answer.Ranking[0].Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_LeadsWithTheNewerSibling_WhenTheQuestionNamesNoVersion()
    {
        Assert.Equal(SiblingUrl, _kb.Ask("what license are microsoft's phi models under now").Ranking[0].Url.AbsoluteUri);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
