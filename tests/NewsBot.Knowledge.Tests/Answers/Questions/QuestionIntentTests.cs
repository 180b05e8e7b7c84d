using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Tests.Answers.Questions;

public sealed class QuestionIntentTests
{
    [Theory]
    [InlineData("who founded mistral ai", "Name")]
    [InlineData("whos in charge of google deepmind", "Name")]
    [InlineData("which company makes qwen", "Name")]
    [InlineData("When did Google rename Bard to Gemini?", "Date")]
    [InlineData("what year did llama come out", "Date")]
    [InlineData("how many tokens was llama 2 trained on", "Number")]
    [InlineData("how big is sdxl 1.0", "Number")]
    [InlineData("what percentage of anthropic does amazon own", "Number")]
    [InlineData("what sizes does gemma come in", "Number")]
    [InlineData("how much did xai raise", "Money")]
    [InlineData("what's the api price for deepseek v3", "Money")]
    [InlineData("how much does claude pro cost a month", "Money")]
    [InlineData("where can i download gemma", "Place")]
    [InlineData("why did italy block chatgpt", "Reason")]
    [InlineData("is phi-2 open source", "Any")]
    [InlineData("was phi 2 ok for commercial use when it first came out", "Any")]
    [InlineData("tell me about the ai act", "Any")]
    [InlineData("which european commissioner praised the vote", "Name")]
    [InlineData("which openai model does the iphone use", "Name")]
    [InlineData("what did the model say about it", "Any")]
    [InlineData("what was anthropic valued at after the round", "Money")]
    [InlineData("how many ppl worked at mistral when they raised the round", "Number")]
    [InlineData("how many dollars did mistral raise", "Money")]
    [InlineData("What is Claude Code?", "Definition")]
    [InlineData("what are artifacts in claude", "Definition")]
    [InlineData("What is Google's Project Mariner?", "Definition")]
    [InlineData("what is the context window of gemini 1.5 pro", "Number")]
    [InlineData("what's new in midjourney v6", "Any")]
    [InlineData("whats mistral's flagship model nowadays", "Any")]
    [InlineData("what is the ai act", "Definition")]
    [InlineData("whats the biggest qwen model alibaba has open sourced", "Any")]
    [InlineData("what is the first big project of the merged lab", "Any")]
    [InlineData("what's the most popular open model these days", "Any")]
    public void Of_ReadsTheKindOfFactAskedFor_FromQuestionWords(string question, string expected)
    {
        Assert.Equal(Enum.Parse<AnswerType>(expected), QuestionIntent.Of(question).Expects);
    }

    [Theory]
    [InlineData("how many gpus did microsoft use to train phi-2", "gpus")]
    [InlineData("how many ai companies signed the pledge", "companies")]
    [InlineData("how many weekly users did chatgpt have", "weekly users")]
    [InlineData("what is the context window of gemini 1.5 pro", "context window")]
    [InlineData("what was the vote when the parliament adopted its position", "vote")]
    [InlineData("how many parameters are active per token in deepseek v3", "parameters")]
    [InlineData("what is the official regulation number of the ai act", "")]
    [InlineData("what's the 700 million monthly active users rule in the llama 2 licence", "")]
    [InlineData("what was claude 2's humaneval score", "score")]
    [InlineData("what is llama 3's context window", "context window")]
    [InlineData("what percentage of anthropic does amazon own", "")]
    [InlineData("how much did xai raise", "")]
    [InlineData("who founded mistral ai", "")]
    public void Of_ReadsWhatANumberQuestionCounts_AndNothingForOtherQuestions(string question, string units)
    {
        // "per token" divides what is counted, "700 million ... users" is counted by the question itself, and "number"
        // and "percentage" measure nothing by themselves.
        Assert.Equal(units.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), QuestionIntent.Of(question).Units.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_TakesTheFirstQuestionWord_WhenAQuestionHoldsTwo()
    {
        Assert.Equal(AnswerType.Date, QuestionIntent.Of("when did the company who makes claude raise money").Expects);
    }

    [Theory]
    [InlineData("what job did jeff dean get when google merged its ai labs", "Any")]
    [InlineData("what was the vote when the parliament adopted its position", "Number")]
    [InlineData("what did it score when it came out", "Number")]
    [InlineData("whats mistral's chatbot called", "Name")]
    [InlineData("what is mistral's chatbot called?", "Name")]
    [InlineData("whats bard called these days", "Name")]
    [InlineData("what's the new model named now?", "Name")]
    [InlineData("in what country was the summit held", "Place")]
    public void Of_ReadsALaterQuestionWord_AsAClause_NotTheQuestion(string question, string expected)
    {
        Assert.Equal(Enum.Parse<AnswerType>(expected), QuestionIntent.Of(question).Expects);
    }

    [Theory]
    [InlineData("is llama still research only", "Latest")]
    [InlineData("whats bard called these days", "Latest")]
    [InlineData("what's anthropic's newest claude model", "Latest")]
    [InlineData("is the eu ai act actually law yet", "Latest")]
    [InlineData("biggest llama model right now?", "Latest")]
    [InlineData("was phi 2 ok for commercial use when it first came out", "Earliest")]
    [InlineData("What model sizes came with the original LLaMA?", "Earliest")]
    [InlineData("did the regulator end up fining them", "Latest")]
    [InlineData("who eventually bought the startup", "Latest")]
    [InlineData("how many parameters does llama 3.1 have", "None")]
    [InlineData("what's new with claude", "Latest")]
    [InlineData("whats new at openai?", "Latest")]
    [InlineData("anything new on llama", "Latest")]
    [InlineData("any news about mistral", "Latest")]
    [InlineData("what new features did gpt-4o add", "None")]
    [InlineData("is there a new llama model", "None")]
    public void Of_ReadsWhetherTheQuestionAsksAboutNowOrTheBeginning(string question, string expected)
    {
        Assert.Equal(Enum.Parse<TemporalFocus>(expected), QuestionIntent.Of(question).Temporal);
    }

    [Theory]
    [InlineData("is llama still research only", "is llama   research only")]
    [InlineData("is bard around these days", "is bard around  ")]
    [InlineData("Is Llama STILL research only?", "Is Llama   research only?")]
    [InlineData("how old is phi-2", "how old is phi-2")]
    [InlineData("did italy fine openai in the end", "did italy fine openai  ")]
    [InlineData("what's new with claude", "what's   with claude")]
    [InlineData("any news about mistral", "any   about mistral")]
    public void Of_LeavesTemporalWordingOutOfTheTopic(string question, string topic)
    {
        Assert.Equal(topic, QuestionIntent.Of(question).Topic);
    }

    [Theory]
    [InlineData("whats bard called these days", "whats bard  ")]
    [InlineData("what is mistral's chatbot called?", "what is mistral's chatbot  ")]
    [InlineData("who is it named after", "who is it named after")]
    [InlineData("called", "called")]
    public void Of_LeavesAClosingCalledOrNamedOutOfTheTopic_AsAQuestionWord(string question, string topic)
    {
        Assert.Equal(topic, QuestionIntent.Of(question).Topic);
    }

    [Fact]
    public void Of_KeepsTheQuestion_WhenItIsOnlyTemporalWording()
    {
        Assert.Equal("now", QuestionIntent.Of("now").Topic);
        Assert.Equal("still?", QuestionIntent.Of("still?").Topic);
    }
}
