using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Answers questions from the index: BM25 over passages (<see cref="QuestionQuery"/>), grouped by article,
/// each article's confidence measured as question coverage, the newest of the equally good answers first
/// (news goes stale), and an honest "not answered" below the confidence threshold.
/// </summary>
internal sealed class AnswerEngine(ArticleIndex index, Func<ArticleCatalog> catalog, RankingSettings settings, double minConfidence, SemanticIndex? semantic = null)
{
    private const int CandidatePassages = 100;

    /// <summary>Passages taken from the vector scan, besides the BM25 hits.</summary>
    private const int VectorPassages = 100;
    private const int ScoredArticles = 20;
    private const int MaxRelated = 3;
    private const int MaxClosest = 3;

    /// <summary>Passages of one article weighed for its confidence: its best-scoring few.</summary>
    private const int PassagesPerArticle = 3;

    private static readonly HashSet<string> PassageFields = [F.ArticleId, F.Text, F.Heading];

    private readonly QuestionQuery _query = new(index.Analyzer, settings);
    private readonly RelatedArticles _related = new(index.Analyzer);

    public Answer Ask(string question, int top, int skip, bool includeRelated = true)
    {
        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var ranked = Rank(searcher, question, CandidatePassages, ScoredArticles, withConfidence: true);
        if (ranked is null)
        {
            return Answer.Empty(question);
        }

        var (candidates, weights) = ranked.Value;
        var confident = candidates.Where(c => c.Confidence >= minConfidence).ToList();
        if (confident.Count == 0)
        {
            var closest = candidates.Take(MaxClosest).Select(c => ArticleLink.From(c.Article)).ToList();
            return new Answer(question, false, Round(candidates.Count > 0 ? candidates[0].Confidence : 0), [], closest, [], candidates.Select(c => c.Article).ToList(), false);
        }

        var ordered = FreshestFirst(confident, out var newestAnswering);
        var page = ordered.Skip(skip).Take(top).ToList();
        var results = page.Select(c =>
        {
            // Only the passages shown are read from stored fields.
            var doc = searcher.Doc(c.DocId, PassageFields);
            var passage = doc.Get(F.Text, CultureInfo.InvariantCulture);
            return new AnswerResult(
                c.Article,
                passage,
                doc.Get(F.Heading, CultureInfo.InvariantCulture),
                SentenceHighlighter.Best(index.Analyzer, passage, weights),
                Round(c.Score),
                Round(c.Confidence),
                newestAnswering is not null && c.Answering && c.Article.Published < newestAnswering.Value);
        }).ToList();

        var orderedIds = ordered.Select(c => c.Article.Id).ToHashSet(StringComparer.Ordinal);
        var ranking = ordered.Concat(candidates.Where(c => !orderedIds.Contains(c.Article.Id))).Select(c => c.Article).ToList();
        var related = results.Count == 0 || !includeRelated ? [] : Related(searcher, results[0], page.Select(c => c.Article.Id).ToHashSet(StringComparer.Ordinal));
        return new Answer(question, true, Round(ordered[0].Confidence), results, [], related, ranking, skip + top < ordered.Count);
    }

    /// <summary>Articles matching the question, best score first, each with its best passage (and its confidence when asked for).</summary>
    internal (List<Candidate> Candidates, Dictionary<string, double> Weights)? Rank(string question, int passageDepth, int articleDepth, bool withConfidence = true)
    {
        using var lease = index.Lease();
        return Rank(lease.Searcher, question, passageDepth, articleDepth, withConfidence);
    }

    private (List<Candidate> Candidates, Dictionary<string, double> Weights)? Rank(IndexSearcher searcher, string question, int passageDepth, int articleDepth, bool withConfidence)
    {
        var cleaned = QuestionQuery.Clean(question);
        var tokens = TextAnalysis.Tokens(index.Analyzer, F.Text, cleaned);
        var lookup = new QuestionTerms(searcher.IndexReader);
        var plan = _query.Build(cleaned, tokens, lookup);
        if (plan is null)
        {
            return null;
        }

        var articles = catalog();
        // The question's embedding and the vector scan run on the other core while BM25 searches.
        var vectors = semantic?.Current is { Ready: > 0 } current ? current : null;
        var hits = PassageHits.WithoutMasks([]);
        SemanticHits? semanticHits = null;
        if (vectors is null)
        {
            hits = PassageSearch.Top(searcher, plan, lookup, passageDepth);
        }
        else
        {
            Parallel.Invoke(
                () => hits = PassageSearch.Top(searcher, plan, lookup, passageDepth),
                () => semanticHits = SemanticHits.Find(semantic!, vectors, question, VectorPassages));
        }

        var weights = Weights(lookup, tokens, cleaned, Math.Max(articles.Passages, 1));

        var byArticle = new Dictionary<string, List<RankedPassage>>(StringComparer.Ordinal);
        var order = new List<string>();
        var articleIds = new PassageArticleIds(searcher.IndexReader);
        foreach (var passage in RankPassages(searcher.IndexReader, hits.Docs, articleIds, vectors, semanticHits))
        {
            var id = passage.ArticleId;
            if (!articles.ById.ContainsKey(id))
            {
                continue;
            }

            if (!byArticle.TryGetValue(id, out var passages))
            {
                if (order.Count >= articleDepth)
                {
                    continue;
                }

                byArticle[id] = passages = [];
                order.Add(id);
            }

            if (passages.Count < (withConfidence ? PassagesPerArticle : 1))
            {
                passages.Add(passage);
            }
        }

        if (!withConfidence)
        {
            return (order.Select(id => new Candidate(articles.ById[id].Info, byArticle[id][0].Doc, byArticle[id][0].Score, 0, byArticle[id][0].Cosine, byArticle[id][0].Lexical)).ToList(), weights);
        }

        foreach (var passages in byArticle.Values)
        {
            // Passages found by their vector alone are looked up by key; one deleted since the snapshot drops out.
            for (var i = passages.Count - 1; i >= 0; i--)
            {
                if (passages[i].Doc < 0)
                {
                    var doc = HybridFusion.Resolve(searcher.IndexReader, passages[i].Key, passages[i].ArticleId, articleIds);
                    if (doc < 0)
                    {
                        passages.RemoveAt(i);
                    }
                    else
                    {
                        passages[i] = passages[i] with { Doc = doc };
                    }
                }
            }
        }

        order.RemoveAll(id => byArticle[id].Count == 0);
        var covered = PassageCoverage.Terms(lookup, weights.Keys, byArticle.Values.SelectMany(p => p.Select(x => x.Doc)), hits);
        var candidates = order.Select(id => Score(articles.ById[id].Info, byArticle[id], covered, weights)).ToList();
        return (candidates, weights);
    }

    /// <summary>The BM25 hits, fused with the nearest passage vectors when the semantic index has any.</summary>
    private IEnumerable<RankedPassage> RankPassages(IndexReader reader, ScoreDoc[] hits, PassageArticleIds articleIds, PassageVectors? vectors, SemanticHits? semanticHits)
    {
        if (semantic is not null && vectors is not null && semanticHits is not null)
        {
            return HybridFusion.Fuse(reader, hits, articleIds, vectors, semantic.Store, semanticHits.Question, semanticHits.Nearest, settings.SemanticWeight);
        }

        return hits
            .Select(hit => new RankedPassage(hit.Doc, articleIds.Get(hit.Doc)!, hit.Score, UInt128.Zero, null, hit.Score))
            .Where(passage => passage.ArticleId is not null);
    }

    /// <summary>A question's vector and the passages nearest it.</summary>
    private sealed record SemanticHits(QuestionVector Question, List<(int Position, float Cosine)> Nearest)
    {
        /// <returns>Null when the model cannot run: the question is then answered by BM25 alone.</returns>
        public static SemanticHits? Find(SemanticIndex semantic, PassageVectors vectors, string question, int count)
        {
            try
            {
                var vector = semantic.EmbedQuestion(question);
                return new SemanticHits(vector, vectors.Nearest(vector, count));
            }
#pragma warning disable CA1031 // An answer must not fail because the embedding model does; the backfill logs its failures.
            catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }

    private Candidate Score(ArticleInfo article, List<RankedPassage> passages, Dictionary<int, HashSet<string>> covered, Dictionary<string, double> weights)
    {
        var total = weights.Values.Sum();
        var year = article.Published.Year.ToString(CultureInfo.InvariantCulture);
        var yearWeight = weights.TryGetValue(year, out var w) ? w : 0;

        Candidate? best = null;
        foreach (var (doc, _, score, _, cosine, lexical) in passages)
        {
            var terms = covered[doc];
            var weight = terms.Sum(t => weights[t]) + (terms.Contains(year) ? 0 : yearWeight);
            var coverage = Confidence(total <= 0 ? 0 : weight / total, cosine);
            var candidate = new Candidate(article, doc, score, coverage, cosine, lexical);
            if (best is null || coverage > best.Confidence + 0.1 || (coverage >= best.Confidence - 0.1 && score > best.Score))
            {
                best = best is null ? candidate : candidate with { Score = Math.Max(score, best.Score), Lexical = Math.Max(lexical, best.Lexical), Cosine = Max(cosine, best.Cosine) };
            }
        }

        return best!;
    }

    /// <summary>
    /// Among the confident articles, those nearly as relevant and as well covered as the best one answer the
    /// same question; they come first, newest first. Others follow by score. "Nearly as relevant" asks both
    /// signals: a BM25 score close to the best one's and, when vectors exist, a similar meaning.
    /// </summary>
    private List<Candidate> FreshestFirst(List<Candidate> confident, out DateTimeOffset? newestAnswering)
    {
        var lead = confident.MaxBy(c => c.Score)!;
        var answering = confident
            .Where(c => c.Lexical >= settings.FreshnessScoreRatio * lead.Lexical
                && c.Confidence >= lead.Confidence - settings.FreshnessCoverageSlack
                && (c.Cosine is not { } cosine || lead.Cosine is not { } leadCosine || cosine >= leadCosine - settings.FreshnessCosineSlack))
            .OrderByDescending(c => c.Article.Published)
            .ThenByDescending(c => c.Score)
            .Select(c => c with { Answering = true })
            .ToList();
        newestAnswering = answering.Count > 1 ? answering[0].Article.Published : null;
        var answeringIds = answering.Select(c => c.Article.Id).ToHashSet(StringComparer.Ordinal);
        return answering.Concat(confident.Where(c => !answeringIds.Contains(c.Article.Id)).OrderByDescending(c => c.Score)).ToList();
    }

    private List<ArticleLink> Related(IndexSearcher searcher, AnswerResult lead, HashSet<string> exclude) =>
        _related.Find(searcher, catalog(), lead.Article, lead.Passage, exclude, MaxRelated);

    /// <summary>
    /// Weight of each distinct question term: its IDF over passages. A term the collection never uses is either a
    /// name (capitalised inside the question, holding a digit, or a joined model name such as "gpt5"), which weighs
    /// the most since its absence means the question is about something else, or an ordinary word ("actually",
    /// "held"), which weighs like an average known term of the question: missing it says little.
    /// </summary>
    private static Dictionary<string, double> Weights(QuestionTerms lookup, List<AnalyzedToken> tokens, string question, int passages)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var unseenWords = new List<string>();
        var firstWord = tokens.Count == 0 ? 0 : tokens.Min(t => t.StartOffset);
        foreach (var token in tokens)
        {
            if (weights.ContainsKey(token.Term) || unseenWords.Contains(token.Term))
            {
                continue;
            }

            var df = lookup.DocFreq(token.Term);
            if (df == 0 && !IsName(token, question, firstWord))
            {
                unseenWords.Add(token.Term);
                continue;
            }

            var n = Math.Max(passages, df);
            weights[token.Term] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        var ordinaryWeight = weights.Count == 0 ? Math.Log(1 + ((passages + 0.5) / 0.5)) : weights.Values.Average();
        foreach (var word in unseenWords)
        {
            weights[word] = ordinaryWeight;
        }

        return weights;
    }

    private static bool IsName(AnalyzedToken token, string question, int firstWord) =>
        token.SharesPosition
        || token.Term.Any(char.IsAsciiDigit)
        || (token.StartOffset > firstWord && token.StartOffset < question.Length && char.IsUpper(question[token.StartOffset]));

    /// <summary>
    /// Both signals decide whether to answer: the question's term coverage, raised when the passage's meaning is
    /// closer to the question than <see cref="RankingSettings.SemanticConfidencePivot"/>, never lowered (a
    /// paraphrase that BM25 answers confidently stays answered). Coverage leads because a question about something
    /// absent from the collection is often close in meaning to articles on the same topic (docs/answer-engine.md).
    /// </summary>
    private double Confidence(double coverage, float? cosine) =>
        cosine is { } c ? Math.Clamp(coverage + (settings.SemanticConfidenceWeight * Math.Max(c - settings.SemanticConfidencePivot, 0)), 0, 1) : coverage;

    private static double Round(double value) => Math.Round(value, 3);

    private static float? Max(float? a, float? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>An article matching a question, with the passage that answers it best.</summary>
    /// <param name="Confidence">IDF-weighted share of question terms in the passage, its heading and the article's title, tags and year.</param>
    /// <param name="Cosine">Similarity of the passage's vector with the question's, when both exist.</param>
    /// <param name="Lexical">The best BM25 score among the article's passages (equal to <paramref name="Score"/> when semantic ranking is off).</param>
    internal sealed record Candidate(ArticleInfo Article, int DocId, float Score, double Confidence, float? Cosine = null, float Lexical = 0, bool Answering = false);
}
