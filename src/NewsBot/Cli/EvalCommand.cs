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
        var folds = new Option<int?>("--folds") { Description = "Score each question with an answer model refitted without its article's questions (K-fold cross-validation by article)", HelpName = "K" };
        var fit = new Option<string?>("--fit") { Description = "Fit the answer model on the questions (both ranking modes) and write its parameters file", HelpName = "FILE" };
        var restyled = new Option<string?>("--restyled")
        {
            Description = "With --folds or --fit: fit the answer model on the questions asked of this collection too, the same articles written by another hand (same urls), and report its figures",
            HelpName = "DIR",
        };

        var command = new Command("eval", "Measure answer quality on golden questions, or ranking on a BEIR dataset")
        {
            questions, beir, split, run, folds, fit, restyled, options.Json,
        };
        command.Validators.Add(result =>
        {
            var hasQuestions = result.GetValue(questions) is not null;
            var hasBeir = result.GetValue(beir) is not null;
            if (hasQuestions == hasBeir)
            {
                result.AddError("give either a questions file or --beir DIR");
            }

            if (result.GetValue(folds) is { } k && k < 2)
            {
                result.AddError("--folds needs at least 2 folds");
            }

            if (hasBeir && (result.GetValue(folds) is not null || result.GetValue(fit) is not null))
            {
                result.AddError("--folds and --fit apply to a questions file, not to --beir");
            }

            if (result.GetValue(restyled) is not null && result.GetValue(folds) is null && result.GetValue(fit) is null)
            {
                result.AddError("--restyled needs --folds or --fit: it changes what the answer model is fitted on");
            }
            else if (result.GetValue(restyled) is { } existing && !Directory.Exists(existing))
            {
                result.AddError($"--restyled: folder not found: {existing}");
            }
        });
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            return parse.GetValue(beir) is { } beirFolder
                ? EvaluateBeir(environment, beirFolder, parse.GetValue(split)!, parse.GetValue(run))
                : parse.GetValue(fit) is { } fitFile
                    ? FitModel(environment, parse.GetValue(questions)!, parse.GetValue(folds) ?? DefaultFolds, fitFile, parse.GetValue(restyled))
                    : EvaluateGolden(environment, parse.GetValue(questions)!, parse.GetValue(run), parse.GetValue(folds), parse.GetValue(restyled));
        });
        return command;
    }

    private const int DefaultFolds = 5;

    private static List<GoldenQuestion>? LoadQuestions(CliEnvironment environment, string path)
    {
        try
        {
            return GoldenQuestion.Load(path);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
    }

    private static int EvaluateGolden(CliEnvironment environment, string path, string? runFile, int? folds, string? restyled)
    {
        if (LoadQuestions(environment, path) is not { } golden)
        {
            return ExitCodes.Findings;
        }

        using var knowledge = environment.OpenKnowledge(out var knowledgeOptions);
        if (knowledge is null)
        {
            return ExitCodes.Usage;
        }

        environment.SyncQuietly(knowledge);
        using var restyledKnowledge = restyled is null ? null : AnswerModelFitting.OpenSynced(restyled, AnswerModelFitting.RestyledDataPath(restyled), knowledgeOptions.Semantic, knowledgeOptions.EmbeddingThreads);
        var (report, restyledReport) = folds is { } k ? GoldenEvaluator.CrossValidate(knowledge, golden, k, restyledKnowledge) : (GoldenEvaluator.Evaluate(knowledge, golden), null);
        if (runFile is not null)
        {
            using var writer = File.CreateText(runFile);
            TrecRun.Write(writer, report.Outcomes.Select(o => (o.Question.Id, (IReadOnlyList<(string, double)>)o.Ranked.Select((url, i) => (url, (double)(o.Ranked.Count - i))).ToList())), "newsbot");
        }

        if (environment.Json)
        {
            CliJson.Write(environment.Out, EvalJson.From(report, knowledgeOptions.Semantic, folds) with { Restyled = restyledReport is null ? null : EvalJson.From(restyledReport, knowledgeOptions.Semantic, folds) });
        }
        else
        {
            EvalPrinter.Print(environment.Out, report, knowledgeOptions.Semantic, folds);
            if (restyledReport is not null)
            {
                environment.Out.WriteLine();
                environment.Out.WriteLine($"The same questions asked of {restyled} (the same articles written by another hand), held out alike:");
                EvalPrinter.Print(environment.Out, restyledReport, knowledgeOptions.Semantic, folds, misses: false);
            }
        }

        return ExitCodes.Success;
    }

    private static int FitModel(CliEnvironment environment, string path, int folds, string output, string? restyled)
    {
        if (LoadQuestions(environment, path) is not { } golden)
        {
            return ExitCodes.Findings;
        }

        var knowledgeOptions = environment.Settings.Knowledge;
        if (!Directory.Exists(knowledgeOptions.Path))
        {
            environment.Error.WriteLine($"error: knowledge folder not found: {knowledgeOptions.Path} (pass --knowledge DIR)");
            return ExitCodes.Usage;
        }

        var command = $"dotnet run -c Release --project src/NewsBot -- eval {path.Replace('\\', '/')} --fit {output.Replace('\\', '/')} --folds {folds}" + (restyled is null ? string.Empty : $" --restyled {restyled.Replace('\\', '/')}");
        (GoldenReport Semantic, GoldenReport Lexical) reports;
        using (var stream = File.Create(output))
        {
            reports = AnswerModelFitting.FitAndWrite(knowledgeOptions, golden, folds, Path.GetFileName(path), command, stream, restyled);
        }

        environment.Out.WriteLine($"wrote {output}: answer model fitted on {golden.Count} questions{(restyled is null ? string.Empty : $", asked of both collections")}; held-out figures ({folds} folds by article):");
        EvalPrinter.Print(environment.Out, reports.Semantic, semantic: true, folds, misses: false);
        environment.Out.WriteLine();
        EvalPrinter.Print(environment.Out, reports.Lexical, semantic: false, folds, misses: false);
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

        var knowledgeOptions = environment.Settings.Knowledge;
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
