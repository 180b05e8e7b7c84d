using System.CommandLine;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Cli;

/// <summary>
/// <c>eval &lt;questions.jsonl&gt;</c> scores the golden questions; <c>eval --beir DIR</c> scores ranking on a
/// BEIR dataset in a temporary index. Both can write a TREC run file.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var questions = new Argument<string?>("questions")
        {
            Description = "Golden questions, one JSON object a line: {\"id\",\"question\",\"expect\":[article urls]}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var beir = new Option<string?>("--beir") { Description = "Evaluate on a BEIR dataset folder instead", HelpName = "DIR" };
        var split = new Option<string>("--split") { Description = "BEIR qrels split", DefaultValueFactory = _ => "test" };
        var run = new Option<string?>("--run") { Description = "Write a TREC run file (qid Q0 docid rank score tag)", HelpName = "FILE" };

        var command = new Command("eval", "Measure answer quality on golden questions, or ranking on a BEIR dataset")
        {
            questions, beir, split, run, options.Json,
        };
        command.Validators.Add(result =>
        {
            var hasQuestions = result.GetValue(questions) is not null;
            var hasBeir = result.GetValue(beir) is not null;
            if (hasQuestions == hasBeir)
            {
                result.AddError("give either a questions file or --beir DIR");
            }
        });
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            return parse.GetValue(beir) is { } beirFolder
                ? EvaluateBeir(environment, beirFolder, parse.GetValue(split)!, parse.GetValue(run))
                : EvaluateGolden(environment, parse.GetValue(questions)!, parse.GetValue(run));
        });
        return command;
    }

    private static int EvaluateGolden(CliEnvironment environment, string path, string? runFile)
    {
        List<GoldenQuestion> golden;
        try
        {
            golden = GoldenQuestion.Load(path);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Findings;
        }

        using var knowledge = environment.OpenKnowledge(out var knowledgeOptions);
        if (knowledge is null)
        {
            return ExitCodes.Usage;
        }

        environment.SyncQuietly(knowledge);
        var report = GoldenEvaluator.Evaluate(knowledge, golden);
        if (runFile is not null)
        {
            using var writer = File.CreateText(runFile);
            TrecRun.Write(writer, report.Outcomes.Select(o => (o.Question.Id, (IReadOnlyList<(string, double)>)o.Ranked.Select((url, i) => (url, (double)(o.Ranked.Count - i))).ToList())), "newsbot");
        }

        if (environment.Json)
        {
            CliJson.Write(environment.Out, EvalJson.From(report, knowledgeOptions.Semantic));
        }
        else
        {
            EvalPrinter.Print(environment.Out, report, knowledgeOptions.Semantic);
        }

        return ExitCodes.Success;
    }

    private static int EvaluateBeir(CliEnvironment environment, string folder, string split, string? runFile)
    {
        BeirDataset dataset;
        try
        {
            dataset = BeirDataset.Load(folder, split);
        }
        catch (Exception ex) when (ex is FileNotFoundException or IOException or System.Text.Json.JsonException)
        {
            environment.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Findings;
        }

        var knowledgeOptions = environment.KnowledgeOptions();
        var datasetName = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        var vectorCache = knowledgeOptions.Semantic ? Path.Combine(knowledgeOptions.DataPath, "vectors", $"beir-{datasetName}.vec") : null;
        var report = BeirEvaluator.Evaluate(dataset, environment.Json ? environment.Error : environment.Out, vectorCache);
        if (runFile is not null)
        {
            using var writer = File.CreateText(runFile);
            TrecRun.Write(writer, report.Runs, "newsbot");
        }

        if (environment.Json)
        {
            CliJson.Write(environment.Out, new
            {
                dataset = datasetName,
                split,
                semantic = knowledgeOptions.Semantic,
                queries = report.Queries,
                documents = report.Documents,
                metrics = new { ndcgAt10 = Math.Round(report.NdcgAt10, 4), recallAt100 = Math.Round(report.RecallAt100, 4), queriesPerSecond = Math.Round(report.QueriesPerSecond, 1) },
                indexSeconds = Math.Round(report.IndexTime.TotalSeconds, 2),
            });
        }
        else
        {
            environment.Out.WriteLine($"{report.Queries} queries over {report.Documents} documents ({split} split), {EvalPrinter.Ranking(knowledgeOptions.Semantic)}");
            environment.Out.WriteLine($"nDCG@10     {report.NdcgAt10:F4}");
            environment.Out.WriteLine($"Recall@100  {report.RecallAt100:F4}");
            environment.Out.WriteLine($"queries/s   {report.QueriesPerSecond:F1}");
        }

        return ExitCodes.Success;
    }
}
