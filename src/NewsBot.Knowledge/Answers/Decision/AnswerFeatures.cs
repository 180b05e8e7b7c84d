namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// The signals the answer model weighs, by name (the model file names them too, so a model fitted on other signals
/// fails loudly rather than weighing the wrong ones). Every signal is a share, a difference of shares or a flag, not
/// a raw score, so the same weights hold for a collection of 50 articles or of 50,000.
/// </summary>
internal static class AnswerFeatures
{
    /// <summary>Signals that rank a question's candidate articles against each other.</summary>
    public static readonly string[] ArticleNames =
    [
        "fused", "lexical", "cosine", "cosineGap", "coverage", "aboutCoverage", "nameCoverage", "aboutNameCoverage",
        "aboutExtraNames", "dateMatch", "typeInArticle", "rank", "modelNameMissing",
    ];

    /// <summary>Signals that rank the passages of one article against each other.</summary>
    public static readonly string[] PassageNames =
    [
        "fused", "lexical", "cosine", "textCoverage", "windowCoverage", "typeInWindow", "typeMissing", "dateInText",
        "bestFound", "firstParagraph", "typedSentence", "unitMissing",
    ];

    /// <summary>Signals that decide whether the lead article's chosen passage answers the question at all.</summary>
    public static readonly string[] DecisionNames =
    [
        "articleScore", "margin", "coverage", "textCoverage", "aboutCoverage", "nameCoverage",
        "aboutNameCoverage", "windowCoverage", "cosine", "typeInWindow", "typeMissing", "unknownNames", "unknownWords",
        "dateMatch", "dateInText", "rarestMissing", "typedSentence", "articleNameCoverage", "unitMissing",
    ];

    public static double[] Article(ArticleCandidate article, QuestionAnalysis question) =>
    [
        Relative(article.Fused, question.MaxFused),
        Relative(article.Lexical, question.MaxLexical),
        article.Cosine,
        article.Cosine - question.MaxCosine,
        article.Passages.Max(p => p.Coverage),
        article.AboutCoverage,
        article.Passages.Max(p => p.NameCoverage),
        article.AboutNameCoverage,
        article.AboutExtraNames,
        article.DateMatch,
        question.Intent.WeighsKind && article.Passages.Any(p => p.Evidence.TypeInPassage) ? 1 : 0,
        1.0 / (1 + article.Rank),
        article.ModelNameMissing ? 1 : 0,
    ];

    public static double[] Passage(PassageCandidate passage, ArticleCandidate article, QuestionAnalysis question) =>
    [
        Relative(passage.Fused, article.Fused),
        Relative(passage.Lexical, article.Lexical),
        (passage.Cosine ?? 0) - article.Cosine,
        passage.TextCoverage,
        passage.Evidence.WindowCoverage,
        question.Intent.WeighsKind && passage.Evidence.TypeInWindow ? 1 : 0,
        question.Intent.WeighsKind && !passage.Evidence.TypeInPassage ? 1 : 0,
        passage.DateInText,
        passage == article.Passages[0] ? 1 : 0,
        passage.Index == 0 ? 1 : 0,
        passage.Evidence.TypedSentenceCoverage,
        UnitMissing(passage, question),
    ];

    /// <param name="articleScore">The article ranker's score of the lead article.</param>
    /// <param name="runnerUp">The article ranker's score of the best other article (null when none).</param>
    /// <param name="passageScore">The passage ranker's score of the chosen passage, relative to the article's best other passage.</param>
    public static double[] Decision(ArticleCandidate article, PassageCandidate passage, double articleScore, double? runnerUp, double passageScore, QuestionAnalysis question) =>
    [
        articleScore,
        runnerUp is { } other ? Math.Min(articleScore - other, 5) : 5,
        passage.Coverage,
        passage.TextCoverage,
        article.AboutCoverage,
        passage.NameCoverage,
        article.AboutNameCoverage,
        passage.Evidence.WindowCoverage,
        passage.Cosine ?? 0,
        question.Intent.WeighsKind && passage.Evidence.TypeInWindow ? 1 : 0,
        question.Intent.WeighsKind && !passage.Evidence.TypeInPassage ? 1 : 0,
        question.UnknownNameShare,
        question.UnknownWordShare,
        article.DateMatch,
        passage.DateInText,
        passage.RarestMissing ? 1 : 0,
        passage.Evidence.TypedSentenceCoverage,
        article.NameCoverage,
        UnitMissing(passage, question),
    ];

    /// <summary>1 when the question counts or measures something by name (<see cref="Questions.QuestionIntent.Units"/>)
    /// and the passage's window states no number beside it.</summary>
    private static double UnitMissing(PassageCandidate passage, QuestionAnalysis question) =>
        question.Intent.Units.Count > 0 && !passage.Evidence.UnitInWindow ? 1 : 0;

    private static double Relative(float value, float max) => max > 0 ? value / max : 0;
}
