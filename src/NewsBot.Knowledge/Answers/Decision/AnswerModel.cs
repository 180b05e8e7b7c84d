using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// The fitted part of the answer engine, one per ranking mode (with or without vectors): an
/// <see cref="ArticleRanker"/> that orders the candidate articles, a <see cref="PassageRanker"/> that chooses the
/// passage of an article to quote, a <see cref="Decider"/> that turns the lead's signals into the probability that
/// it answers the question (the answer's confidence), the <see cref="Threshold"/> below which the engine declines,
/// and the <see cref="FreshnessMargin"/> within which a newer article on the topic leads a "now" question. Fitted by
/// <c>eval QUESTIONS --fit FILE</c> with cross-validation by article (docs/answer-engine.md).
/// </summary>
internal sealed record AnswerModel(
    [property: JsonPropertyName("articleRanker")] LinearModel ArticleRanker,
    [property: JsonPropertyName("passageRanker")] LinearModel PassageRanker,
    [property: JsonPropertyName("decider")] LinearModel Decider,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("freshnessMargin")] double FreshnessMargin)
{
    public void Check()
    {
        ArticleRanker.Check(AnswerFeatures.ArticleNames, "article ranker");
        PassageRanker.Check(AnswerFeatures.PassageNames, "passage ranker");
        Decider.Check(AnswerFeatures.DecisionNames, "decider");
    }
}

/// <summary>The versioned file of fitted parameters (<c>Answers/Decision/answer-model.json</c>, embedded in the library).</summary>
/// <param name="Version">Bumped when the signals change; the engine refuses a file fitted on other signals.</param>
/// <param name="Fitted">What the parameters were fitted on, and the command that fits them again.</param>
internal sealed record AnswerModelFile(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("fitted")] AnswerModelFile.Provenance Fitted,
    [property: JsonPropertyName("semantic")] AnswerModel Semantic,
    [property: JsonPropertyName("lexical")] AnswerModel Lexical)
{
    public const int CurrentVersion = 3;

    private const string ResourceName = "NewsBot.Knowledge.Answers.Decision.answer-model.json";

    private static readonly Lazy<AnswerModelFile> Embedded = new(() =>
    {
        using var stream = typeof(AnswerModelFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The library lacks its embedded {ResourceName}.");
        return Read(stream);
    });

    /// <summary>The parameters shipped with the library.</summary>
    public static AnswerModelFile Default => Embedded.Value;

    public AnswerModel For(bool semantic) => semantic ? Semantic : Lexical;

    public static AnswerModelFile Read(Stream stream)
    {
        var file = JsonSerializer.Deserialize(stream, AnswerModelJsonContext.Default.AnswerModelFile)
            ?? throw new InvalidDataException("The answer model file is empty.");
        if (file.Version != CurrentVersion)
        {
            throw new InvalidDataException($"The answer model file is version {file.Version}; this engine reads version {CurrentVersion}: refit it (docs/answer-engine.md).");
        }

        file.Semantic.Check();
        file.Lexical.Check();
        return file;
    }

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, AnswerModelJsonContext.Default.AnswerModelFile);

    /// <param name="Questions">The question file the parameters were fitted on.</param>
    /// <param name="Command">The command that fits them again.</param>
    /// <param name="HeldOut">Figures of the cross-validated fit (each question scored by a fit that never saw its article).</param>
    internal sealed record Provenance(
        [property: JsonPropertyName("questions")] string Questions,
        [property: JsonPropertyName("command")] string Command,
        [property: JsonPropertyName("folds")] int Folds,
        [property: JsonPropertyName("heldOut")] IReadOnlyDictionary<string, double> HeldOut);
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(AnswerModelFile))]
internal sealed partial class AnswerModelJsonContext : JsonSerializerContext;
