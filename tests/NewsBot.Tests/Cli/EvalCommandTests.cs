using System.Text.Json;

namespace NewsBot.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    /// <summary>A copy of the test articles (those <paramref name="include"/> keeps, each text passed through
    /// <paramref name="rewrite"/>) in a folder of its own: the same urls, written another way.</summary>
    private string WriteRestyled(Func<string, bool> include, Func<string, string> rewrite)
    {
        var restyled = Path.Combine(_knowledge.Root, "restyled", "knowledge");
        foreach (var file in Directory.EnumerateFiles(_knowledge.KnowledgePath, "*.md", SearchOption.AllDirectories).Where(include))
        {
            var target = Path.Combine(restyled, Path.GetRelativePath(_knowledge.KnowledgePath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, rewrite(File.ReadAllText(file)));
        }

        return restyled;
    }

    private string WriteQuestions()
    {
        var path = Path.Combine(_knowledge.Root, "questions.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"phi","question":"Is Phi-2 licensed for commercial use?","expect":["https://example.org/phi-2-mit"],"must":["MIT"],"kind":"direct"}""",
            """{"id":"llama","question":"How many parameters does Llama 2 have?","expect":["https://example.org/llama-2"],"note":"ignored"}""",
            """{"id":"off","question":"What's the weather in Paris?","expect":[]}""",
        ]);
        return path;
    }

    [Fact]
    public void EvalJson_ReportsMetricsAndRankedUrls()
    {
        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(1.0, metrics.GetProperty("answerAt1").GetDouble());
        Assert.Equal(1.0, metrics.GetProperty("mrrAt10").GetDouble());
        Assert.Equal(1.0, metrics.GetProperty("abstention").GetDouble());
        Assert.Equal(0, metrics.GetProperty("falseAnswers").GetInt32());
        var questions = json.RootElement.GetProperty("questions");
        Assert.Equal(3, questions.GetArrayLength());
        Assert.Equal("phi", questions[0].GetProperty("id").GetString());
        Assert.Equal(TestKnowledge.PhiMitUrl, questions[0].GetProperty("ranked")[0].GetString());
        Assert.False(questions[2].GetProperty("answered").GetBoolean());
    }

    [Fact]
    public void EvalJson_ReportsPassageAt1_ByKind_Calibration_AndEachQuestionsQuotedPassage()
    {
        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(1.0, root.GetProperty("metrics").GetProperty("passageAt1").GetDouble());
        Assert.Equal(1.0, root.GetProperty("byKind").GetProperty("direct").GetProperty("passageAt1").GetDouble());
        Assert.Equal(1.0, root.GetProperty("byKind").GetProperty("unanswerable").GetProperty("abstention").GetDouble());
        Assert.Equal(10, root.GetProperty("calibration").GetProperty("buckets").GetArrayLength());
        Assert.True(root.GetProperty("calibration").TryGetProperty("expectedCalibrationError", out _));
        var phi = root.GetProperty("questions")[0];
        Assert.Equal("direct", phi.GetProperty("kind").GetString());
        Assert.Contains("MIT", phi.GetProperty("passage").GetString(), StringComparison.Ordinal);
        Assert.Contains(phi.GetProperty("highlight").GetString()!, phi.GetProperty("passage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("questions")[2].GetProperty("passage").ValueKind);
    }

    [Fact]
    public void Eval_PrintsPassageAt1_TheKindTable_AndTheCalibrationTable()
    {
        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions()));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("passage@1", result.Output, StringComparison.Ordinal);
        Assert.Contains("kind ", result.Output, StringComparison.Ordinal);
        Assert.Contains("expected calibration error", result.Output, StringComparison.Ordinal);
        Assert.Contains("risk-coverage", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalFolds_ScoresEachQuestionWithAModelFittedWithoutItsArticle_AndSaysSo()
    {
        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--folds", "3", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("folds").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public void EvalFit_WritesAModelFileTheLibraryReads_WithItsCommandAndHeldOutFigures()
    {
        var output = Path.Combine(_knowledge.Root, "model.json");

        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--fit", output, "--folds", "2"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("held out (2 folds by article)", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var fitted = json.RootElement.GetProperty("fitted");
        Assert.Contains("--fit", fitted.GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, fitted.GetProperty("folds").GetInt32());
        Assert.True(fitted.GetProperty("heldOut").TryGetProperty("semantic.answerAt1", out _));
        Assert.True(json.RootElement.GetProperty("lexical").GetProperty("threshold").GetDouble() is > 0 and < 1);
    }

    [Fact]
    public void EvalFolds_WithARestyledCollection_FitsOnBoth_AndReportsEach()
    {
        // The same three articles written another way, at the same urls.
        var restyled = WriteRestyled(_ => true, text => text.Replace("Phi-2 is available", "It is available", StringComparison.Ordinal));

        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--folds", "3", "--restyled", restyled, "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("questions").GetArrayLength());
        var other = json.RootElement.GetProperty("restyled");
        Assert.Equal(3, other.GetProperty("questions").GetArrayLength());
        Assert.True(other.GetProperty("metrics").TryGetProperty("answerAt1", out _));
    }

    [Fact]
    public void EvalFolds_WithARestyledCollectionMissingAnArticle_AsksItsQuestionsThereAsUnanswerable()
    {
        // A curator added an article to knowledge/ and not yet its twin: the Llama question has no answer there.
        var restyled = WriteRestyled(file => !file.EndsWith("llama-2.md", StringComparison.Ordinal), text => text);

        // A question's expected articles are alternatives: one the collection lacks leaves it answerable by the other.
        var questions = WriteQuestions();
        File.AppendAllLines(questions, ["""{"id":"either","question":"Which licence did Microsoft move Phi-2 to?","expect":["https://example.org/phi-2-mit","https://example.org/elsewhere"]}"""]);

        var result = CliRunner.Run(_knowledge.Args("eval", questions, "--folds", "3", "--restyled", restyled, "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("metrics").GetProperty("answerable").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("restyled").GetProperty("metrics").GetProperty("answerable").GetInt32());
    }

    [Theory]
    [InlineData("eval-only")]
    [InlineData("missing-folder")]
    public void Eval_ExitsTwo_WhenRestyledIsGivenWithoutAFitOrFolder(string problem)
    {
        var args = problem == "eval-only"
            ? _knowledge.Args("eval", WriteQuestions(), "--restyled", _knowledge.KnowledgePath)
            : _knowledge.Args("eval", WriteQuestions(), "--folds", "2", "--restyled", Path.Combine(_knowledge.Root, "nowhere"));

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--restyled", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--folds", "1")]
    [InlineData("--folds", "0")]
    public void Eval_ExitsTwo_WhenFoldsAreFewerThanTwo(string option, string value)
    {
        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), option, value));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 2 folds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalJson_SaysWhichRankingRan_AndSemanticRankingKeepsTheAnswers()
    {
        var bm25 = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--json"));
        var semantic = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--json", "--semantic", "on"));

        Assert.Equal(0, semantic.ExitCode);
        using var bm25Json = JsonDocument.Parse(bm25.Output);
        using var semanticJson = JsonDocument.Parse(semantic.Output);
        Assert.False(bm25Json.RootElement.GetProperty("semantic").GetBoolean());
        Assert.True(semanticJson.RootElement.GetProperty("semantic").GetBoolean());
        var metrics = semanticJson.RootElement.GetProperty("metrics");
        Assert.Equal(1.0, metrics.GetProperty("answerAt1").GetDouble());
        Assert.Equal(1.0, metrics.GetProperty("abstention").GetDouble());
        Assert.Equal(TestKnowledge.PhiMitUrl, semanticJson.RootElement.GetProperty("questions")[0].GetProperty("ranked")[0].GetString());
    }

    [Fact]
    public void Eval_WritesATrecRunFile()
    {
        var run = Path.Combine(_knowledge.Root, "run.txt");

        var result = CliRunner.Run(_knowledge.Args("eval", WriteQuestions(), "--run", run));

        Assert.Equal(0, result.ExitCode);
        var first = File.ReadLines(run).First().Split(' ');
        Assert.Equal(["phi", "Q0", TestKnowledge.PhiMitUrl, "1"], first[..4]);
        Assert.Equal("newsbot", first[5]);
    }

    [Fact]
    public void Eval_ExitsOne_WhenALineIsNotJson()
    {
        var path = Path.Combine(_knowledge.Root, "bad.jsonl");
        File.WriteAllText(path, "{\"id\":\"a\",\"question\":\"x\",\"expect\":[]}\nnot json\n");

        var result = CliRunner.Run(_knowledge.Args("eval", path));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.jsonl:2", result.Error);
    }

    [Fact]
    public void Eval_ExitsWithUsageError_WhenGivenNeitherQuestionsNorBeir()
    {
        var result = CliRunner.Run(_knowledge.Args("eval"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give either a questions file or --beir DIR", result.Error);
    }

    [Fact]
    public void EvalBeir_ReportsNdcgAndRecall()
    {
        var beir = Path.Combine(_knowledge.Root, "beir");
        Directory.CreateDirectory(Path.Combine(beir, "qrels"));
        File.WriteAllLines(Path.Combine(beir, "corpus.jsonl"),
        [
            """{"_id":"d1","title":"Aspirin and heart attacks","text":"Daily aspirin lowers the risk of a first heart attack in older adults."}""",
            """{"_id":"d2","title":"Vitamin D and bones","text":"Vitamin D supplements improve bone density in elderly women."}""",
            """{"_id":"d3","title":"Coffee and sleep","text":"Drinking coffee late in the day delays sleep onset."}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "queries.jsonl"),
        [
            """{"_id":"q1","text":"aspirin reduces heart attack risk"}""",
            """{"_id":"q2","text":"coffee delays sleep"}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "qrels", "test.tsv"), ["query-id\tcorpus-id\tscore", "q1\td1\t1", "q2\td3\t1"]);

        var result = CliRunner.Run("eval", "--beir", beir, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("metrics").GetProperty("ndcgAt10").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("metrics").GetProperty("recallAt100").GetDouble());
    }

    [Fact]
    public void EvalBeir_WithSemanticRanking_CachesTheCorpusVectors_SoASecondRunEmbedsNothing()
    {
        var beir = Path.Combine(_knowledge.Root, "beir");
        Directory.CreateDirectory(Path.Combine(beir, "qrels"));
        File.WriteAllLines(Path.Combine(beir, "corpus.jsonl"),
        [
            """{"_id":"d1","title":"Aspirin and heart attacks","text":"Daily aspirin lowers the risk of a first heart attack in older adults."}""",
            """{"_id":"d2","title":"Vitamin D and bones","text":"Vitamin D supplements improve bone density in elderly women."}""",
            """{"_id":"d3","title":"Coffee and sleep","text":"Drinking coffee late in the day delays sleep onset."}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "queries.jsonl"),
        [
            """{"_id":"q1","text":"a daily painkiller prevents cardiac events"}""",
            """{"_id":"q2","text":"caffeine keeps people awake at night"}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "qrels", "test.tsv"), ["query-id\tcorpus-id\tscore", "q1\td1\t1", "q2\td3\t1"]);

        var first = CliRunner.Run("eval", "--beir", beir, "--semantic", "on", "--data", _knowledge.DataPath);
        var second = CliRunner.Run("eval", "--beir", beir, "--semantic", "on", "--data", _knowledge.DataPath);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("BM25 + semantic", first.Output);
        Assert.Contains("nDCG@10     1.0000", first.Output);
        Assert.Contains("(3 embedded now", first.Output);
        Assert.Contains("(0 embedded now", second.Output);
        Assert.True(File.Exists(Path.Combine(_knowledge.DataPath, "vectors", "beir-beir.vec")));
    }

    public void Dispose() => _knowledge.Dispose();
}
