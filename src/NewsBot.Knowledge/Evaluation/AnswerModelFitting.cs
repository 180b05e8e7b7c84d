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
    /// <param name="restyled">A folder holding the same articles written by another hand (the same urls), or null. When
    /// given, the model is fitted on the questions asked of both collections, so it does not learn one writer's habits;
    /// the held-out reports are still those of <paramref name="options"/>' collection.</param>
    /// <returns>The held-out report of each mode.</returns>
    public static (GoldenReport Semantic, GoldenReport Lexical) FitAndWrite(
        KnowledgeOptions options, IReadOnlyList<GoldenQuestion> questions, int folds, string questionsName, string command, Stream output, string? restyled = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(output);
        var (semanticModel, semanticReport) = FitMode(options, questions, folds, semantic: true, restyled);
        var (lexicalModel, lexicalReport) = FitMode(options, questions, folds, semantic: false, restyled);
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

    private static (AnswerModel Model, GoldenReport HeldOut) FitMode(KnowledgeOptions options, IReadOnlyList<GoldenQuestion> questions, int folds, bool semantic, string? restyled)
    {
        using var knowledge = OpenSynced(options.Path, options.DataPath, semantic, options.EmbeddingThreads);
        using var restyledKnowledge = restyled is null ? null : OpenSynced(restyled, RestyledDataPath(restyled), semantic, options.EmbeddingThreads);
        var examples = GoldenEvaluator.Examples(knowledge, questions, restyledKnowledge);
        return (AnswerModelFitter.Fit(examples), GoldenEvaluator.HeldOut(examples, questions.Count, folds).Report);
    }

    /// <summary>Where a restyled collection's index and vectors are kept: <c>.newsbot</c> beside its folder.</summary>
    public static string RestyledDataPath(string restyled) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(restyled).TrimEnd(Path.DirectorySeparatorChar))!, ".newsbot");

    /// <summary>Opens a collection's index in one ranking mode, synced and with every vector ready.</summary>
    public static KnowledgeBase OpenSynced(string path, string dataPath, bool semantic, int embeddingThreads)
    {
        var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = path, DataPath = dataPath, Semantic = semantic, EmbeddingThreads = embeddingThreads });
        if (!knowledge.IsReadOnly)
        {
            knowledge.Sync();
        }

        knowledge.WhenVectorsReadyAsync().GetAwaiter().GetResult();
        return knowledge;
    }
}
