using System.Text.Json;

namespace NewsBot.Tests.Cli;

public sealed class AskCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public void Ask_PrintsPassageSourceDateAndLink_WhenAnswered()
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "Is Phi-2 licensed for commercial use?"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Microsoft moves Phi-2 to the MIT licence", result.Output);
        Assert.Contains("Example News, 6 Jan 2024", result.Output);
        Assert.Contains(TestKnowledge.PhiMitUrl, result.Output);
        Assert.Contains("Older coverage", result.Output);
        Assert.Contains(TestKnowledge.PhiResearchUrl, result.Output);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("--jsn")]
    public void Ask_WithAMistypedOption_IsAUsageError_NotAConfidentAnswer(string option)
    {
        var result = CliRunner.Run(_knowledge.Args("ask", option));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"unknown option '{option}'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("confidence", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TakesAQuestionStartingWithADash_AfterDoubleDash()
    {
        var result = CliRunner.Run([.. _knowledge.Args("ask"), "--", "-x"]);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Ask_AcceptsUnquotedWords()
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "llama", "2", "monthly", "active", "users"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(TestKnowledge.LlamaUrl, result.Output);
    }

    [Fact]
    public void AskJson_HasTheDocumentedShape()
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "Is Phi-2 licensed for commercial use?", "--json", "--top", "2"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("Is Phi-2 licensed for commercial use?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        var results = root.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var first = results[0];
        foreach (var field in new[] { "articleId", "title", "url", "published", "source", "passage", "highlight", "score" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"results[0] lacks '{field}'");
        }

        Assert.Equal("2024/phi-2-mit", first.GetProperty("articleId").GetString());
        Assert.Equal(TestKnowledge.PhiMitUrl, first.GetProperty("url").GetString());
        Assert.Equal("2024-01-06", first.GetProperty("published").GetString());
        Assert.Contains(first.GetProperty("highlight").GetString()!, first.GetProperty("passage").GetString()!, StringComparison.Ordinal);
        Assert.True(results[1].GetProperty("older").GetBoolean());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("related").ValueKind);
    }

    [Fact]
    public void Ask_SaysNotCoveredAndOffersNoPassage_WhenOffTopic()
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "What's the weather in Paris?", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Ask_ListsTheNewestArticles_WhenAskedWhatIsNew()
    {
        var json = CliRunner.Run(_knowledge.Args("ask", "what's new?", "--json"));
        var text = CliRunner.Run(_knowledge.Args("ask", "any news?"));

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.False(document.RootElement.GetProperty("answered").GetBoolean());
        Assert.True(document.RootElement.GetProperty("asksForNews").GetBoolean());
        Assert.Equal(
            [TestKnowledge.PhiMitUrl, TestKnowledge.PhiResearchUrl, TestKnowledge.LlamaUrl],
            document.RootElement.GetProperty("closest").EnumerateArray().Select(link => link.GetProperty("url").GetString()));
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("The 3 newest articles:", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not in the curated news", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_PrintsNotInTheCuratedNews_WhenUnanswered()
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "How do I bake sourdough bread?"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Not in the curated news", result.Output);
    }

    [Theory]
    [InlineData("AND ( * ~ \"")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("🤖🔥 ¿qué es Phi-2? 人工智能")]
    public void Ask_AnswersCalmly_WhenQuestionHoldsQuerySyntaxOrOtherScripts(string question)
    {
        var result = CliRunner.Run("ask", "--json", "--knowledge", _knowledge.KnowledgePath, "--data", _knowledge.DataPath, "--", question);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(question, json.RootElement.GetProperty("question").GetString());
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--top", "many")]
    public void Ask_ExitsWithUsageError_WhenTopIsInvalid(string option, string value)
    {
        var result = CliRunner.Run(_knowledge.Args("ask", "phi 2", option, value));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Error);
    }

    [Fact]
    public void Ask_ExitsWithUsageError_WhenQuestionIsMissing()
    {
        var result = CliRunner.Run(_knowledge.Args("ask"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Error);
    }

    [Fact]
    public void Ask_ExitsWithUsageError_WhenKnowledgeFolderIsMissing()
    {
        var missing = Path.Combine(_knowledge.Root, "nowhere");

        var result = CliRunner.Run("ask", "phi 2", "--knowledge", missing, "--data", _knowledge.DataPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("knowledge folder not found", result.Error);
    }

    public void Dispose() => _knowledge.Dispose();
}
