using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Decision.Fitting;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>
/// Fits the answer model's parameters on golden questions, for both ranking modes (with vectors and BM25 alone), and
/// writes them as the versioned file the library embeds (<c>Answers/Decision/answer-model.json</c>), with the
/// cross-validated figures of the same fit.
/// </summary>
public static class AnswerModelFitting
{
    /// <param name="options">Where the articles and the index are; <see cref="KnowledgeOptions.Semantic"/> is set for each mode.</param>
    /// <param name="questionsName">How the file names the questions it was fitted on.</param>
    /// <param name="command">The command that fits the file again, recorded in it.</param>
    /// <returns>The held-out report of each mode.</returns>
    public static (GoldenReport Semantic, GoldenReport Lexical) FitAndWrite(
        KnowledgeOptions options, IReadOnlyList<GoldenQuestion> questions, int folds, string questionsName, string command, Stream output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(output);
        var (semanticModel, semanticReport) = FitMode(options, questions, folds, semantic: true);
        var (lexicalModel, lexicalReport) = FitMode(options, questions, folds, semantic: false);
        var heldOut = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["semantic.answerAt1"] = Math.Round(semanticReport.AnswerAt1, 4),
            ["semantic.passageAt1"] = Math.Round(semanticReport.PassageAt1, 4),
            ["semantic.abstention"] = Math.Round(semanticReport.Abstention, 4),
            ["lexical.answerAt1"] = Math.Round(lexicalReport.AnswerAt1, 4),
            ["lexical.passageAt1"] = Math.Round(lexicalReport.PassageAt1, 4),
            ["lexical.abstention"] = Math.Round(lexicalReport.Abstention, 4),
        };
        var file = new AnswerModelFile(AnswerModelFile.CurrentVersion, new AnswerModelFile.Provenance(questionsName, command, folds, heldOut), semanticModel, lexicalModel);
        file.Write(output);
        return (semanticReport, lexicalReport);
    }

    private static (AnswerModel Model, GoldenReport HeldOut) FitMode(KnowledgeOptions options, IReadOnlyList<GoldenQuestion> questions, int folds, bool semantic)
    {
        var modeOptions = new KnowledgeOptions
        {
            Path = options.Path,
            DataPath = options.DataPath,
            Semantic = semantic,
            EmbeddingThreads = options.EmbeddingThreads,
        };
        using var knowledge = KnowledgeBase.Open(modeOptions);
        if (!knowledge.IsReadOnly)
        {
            knowledge.Sync();
        }

        knowledge.WhenVectorsReadyAsync().GetAwaiter().GetResult();
        var examples = questions.Select(q => new FitExample(q, knowledge.Analyse(q.Question), knowledge.Readings(q.Question))).ToList();
        var heldOut = new GoldenReport(AnswerModelFitter.CrossValidate(examples, folds).Select(r => GoldenEvaluator.Outcome(r.Example, r.Selection)).ToList());
        return (AnswerModelFitter.Fit(examples), heldOut);
    }
}
