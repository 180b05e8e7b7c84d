using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Evidence;

public sealed class SentenceFactsTests
{
    private static bool Holds(AnswerType type, string sentence, string question) =>
        SentenceFacts.Of(sentence).Holds(type, SentenceFacts.WordsOf(question));

    [Theory]
    [InlineData("Llama 2 was trained on 2 trillion tokens.", "how many tokens was llama trained on", true)]
    [InlineData("Seven AI companies signed the commitments.", "how many companies signed", true)]
    [InlineData("Meta released Llama 2 on 18 July 2023.", "how many tokens was llama 2 trained on", false)]
    [InlineData("Phi-2 has 2.7 billion parameters.", "is phi 2.7 billion parameters", false)]
    public void Holds_FindsANumberTheQuestionDoesNotSay_ButNotADateOrTheQuestionsOwn(string sentence, string question, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Number, sentence, question));
    }

    [Theory]
    [InlineData("On 14 June 2023 the Parliament adopted its position by 499 votes to 28.", "what was the vote", true)]
    [InlineData("In the plenary vote, 499 members voted in favour.", "what was the vote", true)]
    [InlineData("The institutions then entered the three-way negotiations known as trilogues.", "what was the vote", false)]
    [InlineData("Meta trained Llama 3.1 405B on more than 16,000 Nvidia H100 GPUs.", "how many gpus did meta use", true)]
    [InlineData("The order followed voluntary commitments that seven companies signed in July.", "what compute threshold triggers reporting", false)]
    [InlineData("Phi-2 has 2.7 billion parameters.", "how many params does phi 2 have", true)]
    [InlineData("DeepSeek-V3 activates 37 billion parameters for each token.", "how many paramters are active per token", true)]
    [InlineData("DeepSeek-V3 was trained on 14.8 trillion tokens.", "how many paramters are active per token", false)]
    public void HoldsUnit_FindsANumberBesideWhatTheQuestionCounts(string sentence, string question, bool expected)
    {
        var units = QuestionIntent.Of(question).Units;

        Assert.NotEmpty(units);
        Assert.Equal(expected, SentenceFacts.Of(sentence).HoldsUnit(sentence, units, SentenceFacts.WordsOf(question)));
    }

    [Theory]
    [InlineData("xAI raised $6 billion in its Series B.", true)]
    [InlineData("The round valued the company at 24 billion dollars.", true)]
    [InlineData("The xAI Series C had 97 investors.", false)]
    public void Holds_FindsAnAmountOfMoney_ForMoneyQuestions(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Money, sentence, "how much did xai raise"));
    }

    [Theory]
    [InlineData("Google renamed Bard to Gemini on 8 February 2024.", true)]
    [InlineData("Google renamed Bard to Gemini, aligning it with its models.", false)]
    public void Holds_FindsADate_ForWhenQuestions(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Date, sentence, "when did google rename bard to gemini"));
    }

    [Theory]
    [InlineData("Andreessen Horowitz led the round.", true)]
    [InlineData("The round was led by a big investor.", false)]
    [InlineData("Mistral AI raised the round.", false)]
    [InlineData("Leading the round, Mistral AI said little.", false)]
    [InlineData("Leading the round, Andreessen Horowitz said little.", true)]
    public void Holds_FindsANameTheQuestionDoesNotHold_ForWhoQuestions(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Name, sentence, "who led mistral ai's round"));
    }

    [Theory]
    [InlineData("xAI promoted two selling points for Grok.", true)]
    [InlineData("Grok runs on the iPhone.", true)]
    [InlineData("Grok was launched on a Friday.", false)]
    [InlineData("Grok was given a less filtered personality.", false)]
    public void Holds_ANameWrittenLowerCaseBeforeACapital_AndNoDayOfTheWeek(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Name, sentence, "who makes grok"));
    }

    [Theory]
    [InlineData("Using ChatGPT through Apple Intelligence is free.", false)]
    [InlineData("Apple's ChatGPT integration is free.", false)]
    [InlineData("Apple's ChatGPT integration is powered by GPT-4o.", true)]
    public void Holds_DoesNotTakeTheCapitalisedFirstWordOfASentence_AsPartOfAName(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Name, sentence, "which chatgpt model does apple intelligence use"));
    }

    [Theory]
    [InlineData("Google distributes Gemma through Hugging Face and Kaggle.", true)]
    [InlineData("Gemma can be downloaded and run on your own hardware.", false)]
    [InlineData("The Gemma weights released in February 2024 can be downloaded.", false)]
    [InlineData("Google opened the downloads on Wednesday.", false)]
    public void Holds_FindsAPlaceAfterAPreposition_ForWhereQuestions(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Place, sentence, "where can i download gemma"));
    }

    [Theory]
    [InlineData("xAI followed the Series B with a $6 billion Series C round.", false)]
    [InlineData("The xAI Series C closed in December 2024.", false)]
    [InlineData("Investors in the Series B included Lightspeed and Sequoia Capital.", true)]
    [InlineData("The Series C brought in NVIDIA and AMD.", true)]
    public void Holds_DoesNotTakeAnotherLetterOfTheRoundAsked_AsTheNameThatAnswers(string sentence, bool expected)
    {
        // "Series C" is a sibling of the round asked about, not who invested; NVIDIA is a name all the same (that the
        // sentence speaks of another round is PassageEvidence's to weigh).
        const string question = "who invested in xai's series b";

        Assert.Equal(expected, SentenceFacts.Of(sentence).Holds(AnswerType.Name, SentenceFacts.WordsOf(question), ["series b"]));
        Assert.True(SentenceFacts.Of("xAI followed the Series B with a Series C round.").Holds(AnswerType.Name, SentenceFacts.WordsOf(question)));
    }

    [Fact]
    public void Holds_FindsACause_ForWhyQuestions()
    {
        Assert.True(Holds(AnswerType.Reason, "The Garante acted because of a data breach.", "why did italy block chatgpt"));
        Assert.False(Holds(AnswerType.Reason, "The Garante blocked ChatGPT in Italy.", "why did italy block chatgpt"));
    }

    [Fact]
    public void Holds_IsFalse_WhenTheQuestionAsksForNothingInParticular()
    {
        Assert.False(Holds(AnswerType.Any, "Phi-2 has 2.7 billion parameters.", "is phi-2 open"));
    }

    [Theory]
    [InlineData("Claude Code is an agentic coding tool that developers run from the command line.", true)]
    [InlineData("Gemma is Google's open-weight sibling of its Gemini models.", true)]
    [InlineData("MaaS refers to hosted inference APIs for open models.", true)]
    [InlineData("Anthropic launched Claude Code as a limited research preview.", false)]
    [InlineData("Claude Code is available to Pro subscribers.", false)]
    public void Holds_ADefinition_WhenTheSentenceSaysWhatSomethingIs(string sentence, bool expected)
    {
        Assert.Equal(expected, Holds(AnswerType.Definition, sentence, "what is claude code"));
    }

    [Theory]
    [InlineData("Mistral AI announced the round on Sunday.", "Mistral AI")]
    [InlineData("The round was announced in December by Mistral AI.", "Mistral AI")]
    public void NamesIn_TakesNoDate_ForAName(string sentence, string expected)
    {
        Assert.Equal([expected], SentenceFacts.NamesIn(sentence, word => word == "Mistral").Select(n => n.Text));
    }
}
