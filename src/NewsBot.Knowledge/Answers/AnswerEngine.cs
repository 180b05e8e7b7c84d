using System.Globalization;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Questions;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Answers questions from the index in three steps: <see cref="CandidateSearch"/> finds and weighs candidate passages
/// (BM25 fused with vector similarity), <see cref="AnswerSelector"/> applies the fitted <see cref="AnswerModel"/> to
/// choose the passage and decide whether it answers, and this class turns the choice into an <see cref="Answer"/>
/// (the page of results asked for, related articles, or the closest titles when declining).
/// </summary>
internal sealed class AnswerEngine(ArticleIndex index, Func<ArticleCatalog> catalog, RankingSettings settings, double? minConfidence, SemanticIndex? semantic = null, AnswerModelFile? models = null)
{
    private const int MaxRelated = 3;
    private const int MaxClosest = 3;

    /// <summary>As many newest articles as the chat's <c>latest</c> shows by default.</summary>
    private const int MaxNewest = 5;

    private readonly CandidateSearch _search = new(index, catalog, settings, semantic);
    private readonly RelatedArticles _related = new(index.Analyzer);
    // Read on the first answer, so that fitting a new model never needs the embedded one to match the engine.
    private readonly Lazy<AnswerModelFile> _models = new(() => models ?? AnswerModelFile.Default);

    /// <summary>The model for the signals a question has: with vectors when every weighed passage has one (not
    /// while the collection is still being embedded), else BM25 alone.</summary>
    public AnswerModel ModelFor(QuestionAnalysis analysis) =>
        _models.Value.For(analysis.FullyEmbedded);

    public Answer Ask(string question, int top, int skip, bool includeRelated = true)
    {
        using var lease = index.Lease();
        var analysis = _search.Analyse(lease.Searcher, question);
        if (analysis is null)
        {
            // Nothing left to search: "what's the latest?" is all news and question words.
            return NewsRequest.Asks(question) ? Newest(question, []) : Answer.Empty(question);
        }

        if (analysis.AsksForNews)
        {
            return Newest(question, analysis.Articles.Select(a => a.Info).Concat(analysis.Others.Select(o => o.Article)).ToList());
        }

        var selection = AnswerSelector.SelectReading(
            analysis,
            () => OtherReadings(lease.Searcher, question),
            reading => AnswerSelector.Select(reading, ModelFor(reading), minConfidence));
        analysis = selection.Analysis;
        var ranking = selection.Ordered.Select(c => c.Article).Concat(analysis.Others.Select(o => o.Article)).ToList();
        if (!selection.Answered)
        {
            var closest = selection.Ordered.Take(MaxClosest).Select(c => ArticleLink.From(c.Article)).ToList();
            return new Answer(question, false, Round(selection.Lead?.Confidence ?? 0), [], closest, [], ranking, false);
        }

        var answers = selection.Answers;
        var page = answers.Skip(skip).Take(top).ToList();
        var results = page.Select(c => new AnswerResult(
            c.Article,
            c.Passage.Text,
            c.Passage.Heading,
            c.Passage.Evidence.Highlight(c.Passage.Text),
            Round(c.Passage.Fused),
            Round(c.Confidence),
            selection.IsOlder(c),
            selection.IsNewer(c))).ToList();

        var related = results.Count == 0 || !includeRelated
            ? []
            : _related.Find(lease.Searcher, catalog(), results[0].Article, results[0].Passage, page.Select(c => c.Article.Id).ToHashSet(StringComparer.Ordinal), MaxRelated);
        return new Answer(question, true, Round(selection.Ordered[0].Confidence), results, [], related, ranking, skip + top < answers.Count);
    }

    /// <summary>A question that asks what is new: declined, with the newest articles of the collection.</summary>
    private Answer Newest(string question, IReadOnlyList<ArticleInfo> ranking) =>
        new(question, false, 0, [], catalog().Newest(MaxNewest).Select(ArticleLink.From).ToList(), [], ranking, false) { AsksForNews = true };

    /// <summary>The question's candidates and signals, before the answer model (for evaluation and fitting).</summary>
    public QuestionAnalysis Analyse(string question)
    {
        using var lease = index.Lease();
        return _search.Analyse(lease.Searcher, question) ?? QuestionAnalysis.Empty(question);
    }

    /// <summary>The question's other readings (<see cref="OtherReadings"/>), before the answer model (for evaluation).</summary>
    public List<QuestionAnalysis> Readings(string question)
    {
        using var lease = index.Lease();
        return OtherReadings(lease.Searcher, question);
    }

    /// <summary>The readings tried when the question as asked is declined: without or through what it describes
    /// (<see cref="ClauseReadings"/>), and with a first model by its plain name (<see cref="FirstModelReading"/>).</summary>
    private List<QuestionAnalysis> OtherReadings(IndexSearcher searcher, string question)
    {
        var readings = ClauseReadings.Of(_search, searcher, question);
        if (FirstModelReading.Of(_search, searcher, question) is { Articles.Count: > 0 } plain)
        {
            readings.Add(plain);
        }

        return readings;
    }

    /// <summary>Articles matching the question, best fused score first, without the answer model (BEIR ranking).</summary>
    public List<(ArticleInfo Article, float Score)>? Rank(string question, int passageDepth, int articleDepth)
    {
        using var lease = index.Lease();
        return _search.RankArticles(lease.Searcher, question, passageDepth, articleDepth);
    }

    private static double Round(double value) => Math.Round(value, 3);
}
