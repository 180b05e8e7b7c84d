using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Freshness;
using NewsBot.Knowledge.Answers.Questions;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Finds a question's candidate passages: BM25 over passages (<see cref="QuestionQuery"/>), fused with the passages
/// nearest the question's vector when the semantic index has vectors, grouped by article; then weighs each candidate
/// of the best articles for the answer model (<see cref="QuestionAnalysis"/>): its coverage of the question's terms
/// and names, its best sentence window and whether it holds the kind of fact asked for.
/// </summary>
internal sealed class CandidateSearch(ArticleIndex index, Func<ArticleCatalog> catalog, RankingSettings settings, SemanticIndex? semantic)
{
    private const int CandidatePassages = 100;

    /// <summary>Passages taken from the vector scan, besides the BM25 hits.</summary>
    private const int VectorPassages = 100;

    /// <summary>Articles ranked for a question (the rest of the collection does not match well enough to matter).</summary>
    private const int RankedArticles = 20;

    /// <summary>Articles whose passages the answer model weighs; the others only fill the ranking. A question about
    /// now or the beginning weighs the <see cref="FreshnessRule.TopicDepth"/> best instead.</summary>
    private const int WeighedArticles = 4;

    /// <summary>Passages of one article weighed: its best-scoring few.</summary>
    private const int PassagesPerArticle = 3;

    /// <summary>Best-ranked articles whose every passage is weighed: the passage that holds the fact asked for is
    /// not always one of the few that share the most words with the question.</summary>
    private const int WholeArticles = 1;

    /// <summary>A question whose searchable words hold fewer letters than this ("x", "-x", "a?") asks nothing the
    /// collection could answer: one letter matches a name ("X") somewhere and would be answered confidently.</summary>
    private const int MinQuestionLetters = 3;

    private readonly QuestionQuery _query = new(index.Analyzer, settings);
    private readonly PassageReadings _readings = new(index.Analyzer);
    private readonly ArticleTitles _titles = new(index.Analyzer);
    private FirstReadings? _firstReadings;

    private FirstReadings FirstReadings => _firstReadings ??= new(_readings, _titles);

    /// <param name="leftOut">Articles a reading of the question cannot be about (<see cref="FirstModelReading"/>): they
    /// are not ranked, as if the collection did not hold them.</param>
    public QuestionAnalysis? Analyse(IndexSearcher searcher, string question, Func<ArticleInfo, bool>? leftOut = null)
    {
        var found = Find(searcher, question, CandidatePassages, RankedArticles, PassagesPerArticle, WholeArticles, correctTypos: true, leftOut);
        if (found is null)
        {
            return null;
        }

        var (order, byArticle, hits, lookup, tokens, cleaned, articles, intent, modelNames) = found.Value;
        var weights = QuestionWeights.Of(lookup, tokens, cleaned, Math.Max(articles.Passages, 1));
        var names = QuestionWeights.Names(lookup, tokens, cleaned, weights);
        var weighed = order.Take(intent.Temporal == TemporalFocus.None ? WeighedArticles : FreshnessRule.TopicDepth).ToList();
        var covered = PassageCoverage.Terms(lookup, weights.Keys, weighed.SelectMany(id => byArticle[id].Select(p => p.Doc)), hits);

        var questionWords = SentenceFacts.WordsOf(cleaned);
        var keys = new PassageVectorKeys(searcher.IndexReader);
        var date = AskedDate.Of(cleaned);
        var questionTerms = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var total = weights.Values.Sum();
        var namesTotal = names.Values.Sum();
        var rarest = weights.Where(w => !names.ContainsKey(w.Key) && lookup.DocFreq(w.Key) > 0).OrderByDescending(w => w.Value).Select(w => w.Key).FirstOrDefault();
        var strongNames = names.Keys.Where(n => IsStrongName(lookup, n)).ToList();
        // Titles and passages never read before cost more than the rest of the analysis: they are read on both cores.
        FirstReadings.Read(
            searcher,
            lookup,
            weighed.Select(id => articles.ById[id].Info).ToList(),
            Math.Max(articles.Passages, 1),
            weighed.SelectMany(id => byArticle[id]).Select(p => (p.Doc, ReadingKey(p))).ToList());
        // "series a" names a funding round where the weighed passages write "Series B": a version, as "gemma 2" is.
        var lettered = LetteredNames.Asked(
            cleaned,
            () => [.. weighed.Select(id => About(articles.ById[id].Info)), .. weighed.SelectMany(id => byArticle[id]).Select(p => _readings.Get(searcher, p.Doc, ReadingKey(p)).Text)]);
        var candidates = new List<ArticleCandidate>();
        for (var rank = 0; rank < weighed.Count; rank++)
        {
            var article = articles.ById[weighed[rank]].Info;
            var year = article.Published.Year.ToString(CultureInfo.InvariantCulture);
            var yearWeight = weights.GetValueOrDefault(year);
            var title = _titles.Get(lookup, article, Math.Max(articles.Passages, 1));
            var titleTerms = title.Terms;
            var ranked = byArticle[weighed[rank]];
            var readings = ranked.Select(p => _readings.Get(searcher, p.Doc, ReadingKey(p))).ToList();

            // Lettered names the article's title and tags do not write: each of its passages must write them itself.
            var unwritten = lettered.Where(n => !LetteredNames.Holds(About(article), n)).ToList();
            var evidence = PassageEvidence.Read(readings, weights, intent, questionWords, lettered);
            var published = date.Matches(article.Published);
            var passages = new List<PassageCandidate>();
            for (var i = 0; i < ranked.Count; i++)
            {
                var passage = ranked[i];
                var about = new HashSet<string>(titleTerms, StringComparer.Ordinal);
                about.UnionWith(readings[i].HeadingTerms);
                var terms = covered[passage.Doc];
                var weight = terms.Sum(t => weights[t]) + (terms.Contains(year) ? 0 : yearWeight);
                var dateInText = date.InText(readings[i].Text);
                passages.Add(new PassageCandidate(
                    passage.Doc,
                    article,
                    readings[i].Index,
                    readings[i].Text,
                    readings[i].Heading,
                    passage.Score,
                    passage.Lexical,
                    passage.Cosine,
                    Share(weight, total),
                    Share(evidence[i].TextTerms.Sum(t => weights[t]), total),
                    namesTotal <= 0 ? 1 : Share(names.Where(n => terms.Contains(n.Key)).Sum(n => n.Value), namesTotal),
                    modelNames.Any(n => !terms.Contains(n) && !about.Contains(n))
                        || unwritten.Any(n => !LetteredNames.Holds(readings[i].Text, n) && !LetteredNames.Holds(readings[i].Heading, n)),
                    dateInText,
                    evidence[i])
                {
                    RarestMissing = rarest is not null && !terms.Contains(rarest),
                    DateMissing = published < 0 && dateInText < 0,
                });
            }

            var held = ranked.SelectMany(p => covered[p.Doc]).ToHashSet(StringComparer.Ordinal);
            candidates.Add(new ArticleCandidate(
                article,
                passages,
                rank,
                Share(weights.Where(w => titleTerms.Contains(w.Key)).Sum(w => w.Value), total),
                namesTotal <= 0 ? 1 : Share(names.Where(n => titleTerms.Contains(n.Key)).Sum(n => n.Value), namesTotal),
                title.ExtraNames(questionTerms),
                published)
            {
                TitleNamesAskedVersions = modelNames.All(titleTerms.Contains),
                NameCoverage = namesTotal <= 0 ? 1 : Share(names.Where(n => held.Contains(n.Key)).Sum(n => n.Value), namesTotal),
                NameMissing = strongNames.Any(n => !held.Contains(n)),
            });
        }

        var others = order.Skip(weighed.Count).Select(id => (articles.ById[id].Info, byArticle[id][0].Score)).ToList();
        var unknownNames = names.Where(n => lookup.DocFreq(n.Key) == 0).Sum(n => n.Value);
        var unknownWords = weights.Keys.Count(t => lookup.DocFreq(t) == 0);
        // A passage's reading is kept by its content key: the one the search found, or the index's.
        UInt128 ReadingKey(RankedPassage passage) => passage.Key != UInt128.Zero ? passage.Key : keys.Get(passage.Doc);

        return new QuestionAnalysis(
            question,
            intent,
            date,
            weights,
            names,
            namesTotal <= 0 ? 0 : unknownNames / namesTotal,
            weights.Count == 0 ? 0 : (double)unknownWords / weights.Count,
            candidates,
            others,
            semantic?.Current is { Ready: > 0 })
        {
            AsksForNews = NewsRequest.InGeneral(question, cleaned, tokens, weights, lookup, articles.Count),
        };
    }

    /// <summary>An article's title and tags, as one text.</summary>
    private static string About(ArticleInfo article) => article.Tags.Count == 0 ? article.Title : article.Title + ". " + string.Join(". ", article.Tags);

    /// <summary>
    /// Articles matching the question, best fused score first, each with its best passage's score: the ranking alone,
    /// as retrieval benchmarks measure it. Typos are not corrected here: in edited text such as SciFact's claims an
    /// unknown word is a term the collection lacks, and reading it as a neighbour cost 0.003 nDCG@10.
    /// </summary>
    public List<(ArticleInfo Article, float Score)>? RankArticles(IndexSearcher searcher, string question, int passageDepth, int articleDepth)
    {
        var found = Find(searcher, question, passageDepth, articleDepth, passagesPerArticle: 1);
        return found?.Order.Select(id => (found.Value.Articles.ById[id].Info, found.Value.ByArticle[id][0].Score)).ToList();
    }

    private (List<string> Order, Dictionary<string, List<RankedPassage>> ByArticle, PassageHits Hits, QuestionTerms Lookup, List<AnalyzedToken> Tokens, string Cleaned, ArticleCatalog Articles, QuestionIntent Intent, HashSet<string> Versions)?
        Find(IndexSearcher searcher, string question, int passageDepth, int articleDepth, int passagesPerArticle, int wholeArticles = 0, bool correctTypos = false, Func<ArticleInfo, bool>? leftOut = null)
    {
        // The question's embedding and the vector scan need only its text, and take longer than reading the question
        // (typos corrected, the search planned) and the BM25 search: the words are searched on the other core while this
        // thread, already running, embeds the question and scans the vectors. Started the other way round, the
        // embedding first waited for the idle core to wake: about 1 ms on average here, at times over 10 ms
        // (docs/benchmarks.md), and the embedding is the longer path.
        var vectors = semantic?.Current is { Ready: > 0 } current ? current : null;
        WordSearch? words;
        SemanticHits? semanticHits = null;
        if (vectors is null)
        {
            words = SearchWords(searcher, question, passageDepth, correctTypos);
        }
        else
        {
            var wordSearch = Task.Run(() => SearchWords(searcher, question, passageDepth, correctTypos));
            try
            {
                semanticHits = SemanticHits.Find(semantic!, vectors, question, VectorPassages);
            }
            finally
            {
                // Waited for even if the embedding failed: the search uses the caller's searcher lease.
                words = wordSearch.GetAwaiter().GetResult();
            }
        }

        if (words is null)
        {
            return null;
        }

        var (intent, cleaned, lookup, tokens, versions, hits) = words;
        var articles = catalog();
        var byArticle = new Dictionary<string, List<RankedPassage>>(StringComparer.Ordinal);
        var order = new List<string>();
        var articleIds = new PassageArticleIds(searcher.IndexReader);
        foreach (var passage in RankPassages(searcher.IndexReader, hits.Docs, articleIds, vectors, semanticHits))
        {
            var id = passage.ArticleId;
            if (!articles.ById.TryGetValue(id, out var article) || (leftOut is not null && leftOut(article.Info)))
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

            if (passages.Count < passagesPerArticle)
            {
                passages.Add(passage);
            }
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
        foreach (var id in order.Take(wholeArticles))
        {
            AddOtherPassages(searcher.IndexReader, id, byArticle[id], semanticHits);
        }
        return (order, byArticle, hits, lookup, tokens, cleaned, articles, intent, versions);
    }

    /// <summary>
    /// Reads the question (temporal wording, chat shorthand, model versions, typos when asked) and runs its BM25
    /// search; null when it leaves nothing to search.
    /// </summary>
    private WordSearch? SearchWords(IndexSearcher searcher, string question, int passageDepth, bool correctTypos)
    {
        // Temporal wording says when, not what about: the words searched are the question's topic. Chat shorthand is
        // read as the words articles use, where typos are corrected (not in a benchmark's edited claims).
        var intent = QuestionIntent.Of(correctTypos ? ChatWording.Normalise(QuestionQuery.Clean(question)) : QuestionQuery.Clean(question));
        var cleaned = intent.Topic;
        var lookup = new QuestionTerms(searcher.IndexReader);
        var (tokens, versions, artefacts, written) = ModelVersions.Of(lookup, cleaned, TextAnalysis.Tokens(index.Analyzer, F.Text, cleaned));
        var corrections = correctTypos ? TypoCorrection.Corrections(searcher.IndexReader, lookup, tokens) : new Dictionary<string, string>();
        if (corrections.Count > 0)
        {
            tokens = tokens.Select(t => corrections.TryGetValue(t.Term, out var corrected) ? t with { Term = corrected } : t).ToList();
            versions = versions.Select(v => corrections.GetValueOrDefault(v, v)).ToHashSet(StringComparer.Ordinal);
        }

        var plan = tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal).Sum(t => t.Length) < MinQuestionLetters
            ? null
            : _query.Build(cleaned, tokens, lookup, written.Count == 0 ? corrections : new Dictionary<string, string>(corrections.Concat(written.Where(w => !corrections.ContainsKey(w.Key))), StringComparer.Ordinal), artefacts);
        return plan is null
            ? null
            : new WordSearch(intent, cleaned, lookup, tokens, versions, PassageSearch.Top(searcher, plan, lookup, passageDepth));
    }

    /// <summary>The families whose first model the question names with "1" where the collection writes that version
    /// too (<see cref="ModelVersions.WrittenFirstOfFamily"/>).</summary>
    public List<string> FirstModelsNamedWithOne(IndexSearcher searcher, string question) =>
        ModelVersions.WrittenFirstOfFamily(new QuestionTerms(searcher.IndexReader), TextAnalysis.Tokens(index.Analyzer, F.Text, question));

    /// <summary>
    /// Adds the article's passages that neither search found, after the found ones: no BM25 score, their vector
    /// similarity (when there is one) weighed as for a passage found by its vector alone.
    /// </summary>
    private void AddOtherPassages(IndexReader reader, string articleId, List<RankedPassage> passages, SemanticHits? semanticHits)
    {
        var found = passages.Select(p => p.Doc).ToHashSet();
        var keys = new PassageVectorKeys(reader);
        var maxCosine = semanticHits is { Nearest.Count: > 0 } ? semanticHits.Nearest[0].Cosine : 0;
        foreach (var (doc, key) in ArticlePassages.Live(reader, articleId, keys))
        {
            if (found.Contains(doc))
            {
                continue;
            }

            float? cosine = semanticHits is not null && semantic!.Store.TryGetRow(key, out var row) ? semanticHits.Question.Cosine(semantic.Store, row) : null;
            var fused = cosine is { } c && maxCosine > 0 ? settings.SemanticWeight * Math.Clamp(c / maxCosine, 0, 1) : 0;
            passages.Add(new RankedPassage(doc, articleId, (float)fused, key, cosine, 0));
        }
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

    /// <summary>
    /// A name no article may lack to answer: one the collection writes capitalised in at least
    /// <see cref="StrongNameShare"/> of the passages holding it ("EU", "API", "Seoul"), or does not hold at all. A word
    /// that is only sometimes part of a name ("write", stemmed from "Writing Tools" and "writes"; "lab" from "AI21 Labs")
    /// is left to the decider, and so is a bare number ("7", "3.5"), part of a version the model-version rule weighs.
    /// </summary>
    private static bool IsStrongName(QuestionTerms lookup, string name) =>
        !name.All(c => char.IsAsciiDigit(c) || c == '.') && (lookup.NameShare(name) ?? 1) >= StrongNameShare;

    /// <summary>Held-out answers were the same for any share from 0.8 to 0.99 and worse from 0.65 down (docs/answer-engine.md).</summary>
    private const double StrongNameShare = 0.9;

    private static double Share(double part, double total) => total <= 0 ? 0 : Math.Clamp(part / total, 0, 1);

    /// <summary>A question as read for its words, and the passages its BM25 search found.</summary>
    private sealed record WordSearch(QuestionIntent Intent, string Cleaned, QuestionTerms Lookup, List<AnalyzedToken> Tokens, HashSet<string> Versions, PassageHits Hits);

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
}

