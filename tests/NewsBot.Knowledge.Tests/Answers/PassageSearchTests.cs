using Lucene.Net.Search;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// The term-at-a-time search must find the same passages, in the same order and with the same scores, as Lucene
/// running the plan's query: over the curated collection after edits and deletions (several segments, deleted
/// documents), for every golden and paraphrased question, with common terms, proximity and exact phrases.
/// </summary>
public sealed class PassageSearchTests : IClassFixture<PassageSearchTests.EditedKnowledge>
{
    private readonly EditedKnowledge _collection;

    public PassageSearchTests(EditedKnowledge collection) => _collection = collection;

    public static TheoryData<string> Settings => ["default", "many common terms", "exact phrases", "no proximity"];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Top_MatchesLuceneQuery_ForEveryGoldenQuestion(string name)
    {
        var settings = name switch
        {
            "many common terms" => RankingSettings.Default with { CommonTermShare = 0.01, MinCommonPassages = 0 },
            "exact phrases" => RankingSettings.Default with { ProximitySlop = 0, ProximityBoost = 2 },
            "no proximity" => RankingSettings.Default with { ProximityBoost = 0 },
            _ => RankingSettings.Default,
        };
        var questions = GoldenQuestion.Load(RepositoryPaths.GoldenQuestions).Concat(GoldenQuestion.Load(RepositoryPaths.ParaphraseQuestions))
            .Select(q => q.Question)
            .Append("the model was released in the")
            .Append("Phi-2 phi-2 phi-2 licence licence")
            .Append("Phi-2 MIT licence Microsoft research commercial use Llama Meta Azure OpenAI Altman board Mistral Mixtral Google "
                + "Gemini Gemma context window tokens parameters open weights Grok xAI Anthropic Claude Sonnet Act Europe rules "
                + "general purpose executive order Biden safety Ignite Copilot Studio Qwen Alibaba"); // more terms than a mask has bits
        using var lease = _collection.Index.Lease();
        var searcher = lease.Searcher;
        Assert.True(searcher.IndexReader.Leaves.Count > 1, "the edited collection spans several segments");
        Assert.True(searcher.IndexReader.HasDeletions, "the edited collection has deleted passages");
        var planner = new QuestionQuery(_collection.Index.Analyzer, settings);
        var compared = 0;
        foreach (var question in questions)
        {
            var cleaned = QuestionQuery.Clean(question);
            var lookup = new QuestionTerms(searcher.IndexReader);
            if (planner.Build(cleaned, TextAnalysis.Tokens(_collection.Index.Analyzer, "text", cleaned), lookup) is not { } plan)
            {
                continue;
            }

            foreach (var depth in new[] { 100, 10, 3 })
            {
                Compare(searcher, plan, lookup, depth, question);
            }

            compared++;
        }

        Assert.True(compared > 100, $"compared {compared} questions");
    }

    /// <summary>The same passages and scores as Lucene at this depth (shallow depths let proximity skip more
    /// passages), and term masks that agree with the postings.</summary>
    private static void Compare(IndexSearcher searcher, SearchPlan plan, QuestionTerms lookup, int depth, string question)
    {
        var expected = searcher.Search(plan.ToQuery(), depth).ScoreDocs;
        var hits = PassageSearch.Top(searcher, plan, lookup, depth);
        var actual = hits.Docs;

        // Each hit's term mask says which question terms it holds, as its postings do.
        var terms = plan.Terms.Select(t => t.Text).ToList();
        var fromPostings = PassageCoverage.Terms(new QuestionTerms(searcher.IndexReader), terms, actual.Select(d => d.Doc));
        var fromMasks = PassageCoverage.Terms(lookup, terms, actual.Select(d => d.Doc), hits);
        Assert.All(actual, d => Assert.Equal(fromPostings[d.Doc].Order(), fromMasks[d.Doc].Order()));

        Assert.True(expected.Length == actual.Length, $"{question}: {actual.Length} passages, Lucene finds {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i].Score - actual[i].Score) <= 1e-5 * Math.Max(1, expected[i].Score),
                $"{question} #{i}: score {actual[i].Score}, Lucene {expected[i].Score} ({plan})");
        }

        // Passages with the same score (or scores that differ only in float rounding) come in content order here and in
        // document order in Lucene: each run of them holds the same passages, except the last run, which the depth may
        // cut through. All others keep Lucene's order.
        for (var start = 0; start < expected.Length;)
        {
            var end = start + 1;
            while (end < expected.Length && expected[end - 1].Score - expected[end].Score <= 1e-4)
            {
                end++;
            }

            if (end < expected.Length)
            {
                var lucene = expected[start..end].Select(d => d.Doc).Order();
                var ours = actual[start..end].Select(d => d.Doc).Order();
                Assert.True(lucene.SequenceEqual(ours), $"{question} #{start}-{end - 1}: passages {string.Join(",", ours)}, Lucene {string.Join(",", lucene)} ({plan})");
            }

            start = end;
        }
    }

    /// <summary>A bot answers several chats at once, and each search borrows the postings enumerators a segment keeps
    /// (<see cref="SegmentPostingsEnums"/>) and remembers article ids per segment (<see cref="PassageArticleIds"/>):
    /// searches running side by side must find what each finds alone.</summary>
    [Fact]
    public async Task Top_FindsTheSameHits_WhenQuestionsAreSearchedAtOnce()
    {
        var questions = GoldenQuestion.Load(RepositoryPaths.GoldenQuestions).Select(q => QuestionQuery.Clean(q.Question)).ToList();
        using var lease = _collection.Index.Lease();
        var searcher = lease.Searcher;
        var planner = new QuestionQuery(_collection.Index.Analyzer, RankingSettings.Default);
        string Search(string question)
        {
            var lookup = new QuestionTerms(searcher.IndexReader);
            var ids = new PassageArticleIds(searcher.IndexReader);
            return planner.Build(question, TextAnalysis.Tokens(_collection.Index.Analyzer, "text", question), lookup) is { } plan
                ? string.Join(" ", PassageSearch.Top(searcher, plan, lookup, 20).Docs.Select(d => $"{ids.Get(d.Doc)}#{d.Doc}:{d.Score:R}"))
                : string.Empty;
        }

        var alone = questions.Select(Search).ToList();
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
            Enumerable.Range(0, 5).SelectMany(_ => questions.Select((q, i) => (i, Search(q)))).ToList())));

        Assert.All(atOnce.SelectMany(results => results), result => Assert.Equal(alone[result.i], result.Item2));
    }

    [Theory]
    [InlineData("phi", "licens", "mit", "microsoft")]
    [InlineData("model", "open", "llama", "meta", "weight", "releas")]
    [InlineData("zyxwvut", "azur")]
    public void AnyTerm_MatchesLuceneQuery_OverArticleRecords(params string[] terms)
    {
        using var lease = _collection.Index.Lease();
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Lucene.Net.Index.Term(IndexFields.ArticleAbout, term)), Occur.SHOULD);
        }

        var expected = lease.Searcher.Search(query, 20).ScoreDocs;
        var actual = PassageSearch.AnyTerm(lease.Searcher, IndexFields.ArticleAbout, terms, 20);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(d => d.Score), actual.Select(d => d.Score), (x, y) => Math.Abs(x - y) <= 1e-5 * Math.Max(1, x));
        Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
    }

    [Fact]
    public void Top_FindsNothing_WhenNoPassageHoldsTheTerms()
    {
        using var lease = _collection.Index.Lease();
        var lookup = new QuestionTerms(lease.Searcher.IndexReader);
        var plan = new QuestionQuery(_collection.Index.Analyzer, RankingSettings.Default)
            .Build("zyxwvut qwertyuiop", TextAnalysis.Tokens(_collection.Index.Analyzer, "text", "zyxwvut qwertyuiop"), lookup)!;

        Assert.Empty(PassageSearch.Top(lease.Searcher, plan, lookup, 100).Docs);
    }

    [Fact]
    public async Task Top_MatchesLuceneQuery_WhenLongListsArePackedInMemory()
    {
        // 70,000 short passages over a small vocabulary: most terms' lists are long enough to be packed, and
        // "zebra" jumps more than 65,535 documents between two of its passages.
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using var analyzer = new NewsAnalyzer();
        var words = "model release open weights licence commercial research token price azure llama phi safety act rules agent benchmark data training chip cloud".Split(' ');
        var random = new Random(42);
        var config = new Lucene.Net.Index.IndexWriterConfig(NewsAnalyzer.Version, analyzer) { Similarity = ArticleIndex.Similarity };
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, config))
        {
            for (var i = 0; i < 70_000; i++)
            {
                // Earlier words are more frequent; a word may repeat within a passage.
                var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2))]));
                if (i < 1200 || i == 69_900)
                {
                    text += " zebra";
                }

                if (i % 1000 == 3)
                {
                    // In 70 passages: too few to pack, so its proximity pairs mix a Lucene list and a packed one.
                    text = "unicorn " + text + " unicorn";
                }

                writer.AddDocument(
                [
                    new Lucene.Net.Documents.TextField("text", text, Lucene.Net.Documents.Field.Store.NO),
                    new Lucene.Net.Documents.TextField("about", words[i % words.Length] + " news", Lucene.Net.Documents.Field.Store.NO),
                    new Lucene.Net.Documents.StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Lucene.Net.Documents.Field.Store.NO),
                ]);
            }

            writer.ForceMerge(1);
            writer.DeleteDocuments(new Lucene.Net.Index.Term("id", "7"));
        }

        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleIndex.Similarity };
        var before = PackedPostings.PackedBytes;
        var planner = new QuestionQuery(analyzer, RankingSettings.Default with { CommonTermShare = 0.1, MinCommonPassages = 0 });
        var questions = new[] { "model release", "zebra", "open weights licence for commercial research", "zebra safety act rules", "llama llama model price", "unicorn model release", "model unicorn open" };
        SearchPlan Plan(string question, QuestionTerms lookup) => planner.Build(question, TextAnalysis.Tokens(analyzer, "text", question), lookup)!;

        // Four threads search first, together: they pack the same lists and remember the same term lookups at once.
        using var start = new Barrier(4);
        var together = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return questions.Select(q =>
                {
                    var lookup = new QuestionTerms(reader);
                    return PassageSearch.Top(searcher, Plan(q, lookup), lookup, 2000).Docs.OrderBy(d => d.Doc).Select(d => (d.Doc, d.Score)).ToList();
                }).ToList();
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var results = await Task.WhenAll(together);

        Assert.Contains(PassageSearch.Top(searcher, new SearchPlan([new PlannedTerm("zebra", 1, false)], [], 1, 0, 0), new QuestionTerms(reader), 2000).Docs, d => d.Doc == 69_900);
        for (var q = 0; q < questions.Length; q++)
        {
            var question = questions[q];
            var lookup = new QuestionTerms(reader);
            var plan = Plan(question, lookup);
            var expected = searcher.Search(plan.ToQuery(), 2000).ScoreDocs.OrderBy(d => d.Doc).ToList();
            var hits = PassageSearch.Top(searcher, plan, lookup, 2000);
            var actual = hits.Docs.OrderBy(d => d.Doc).ToList();
            Assert.All(results, r => Assert.Equal(actual.Select(d => (d.Doc, d.Score)), r[q]));
            var terms = plan.Terms.Select(t => t.Text).ToList();
            var fromPostings = PassageCoverage.Terms(new QuestionTerms(reader), terms, actual.Select(d => d.Doc));
            var fromMasks = PassageCoverage.Terms(lookup, terms, actual.Select(d => d.Doc), hits);
            Assert.All(actual, d => Assert.Equal(fromPostings[d.Doc].Order(), fromMasks[d.Doc].Order()));

            // Deep enough to hold every passage of the "zebra" questions: the same passages with the same scores.
            Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
            Assert.Equal(expected.Select(d => d.Score), actual.Select(d => d.Score), (x, y) => Math.Abs(x - y) <= 1e-5 * Math.Max(1, x));
            Assert.DoesNotContain(actual, d => d.Doc == 7);
        }

        Assert.True(PackedPostings.PackedBytes > before, "long lists were packed");
    }

    /// <summary>The curated collection, then five articles edited and two deleted, each change its own sync.</summary>
    public sealed class EditedKnowledge : IDisposable
    {
        private readonly TempFolder _folder = new();

        public EditedKnowledge()
        {
            var knowledge = _folder.Combine("knowledge");
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*.md", SearchOption.AllDirectories))
            {
                var target = Path.Combine(knowledge, Path.GetRelativePath(RepositoryPaths.Knowledge, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var data = _folder.Combine("data");
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            using (var knowledgeBase = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = false }, time))
            {
                knowledgeBase.Sync();
                var files = Directory.EnumerateFiles(knowledge, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                foreach (var file in files.Take(5))
                {
                    File.AppendAllText(file, "\n\nThe model was released with its licence, and the release notes say more.\n");
                    knowledgeBase.Sync();
                }

                foreach (var file in files.Skip(5).Take(2))
                {
                    File.Delete(file);
                    knowledgeBase.Sync();
                }
            }

            Index = ArticleIndex.Open(Path.Combine(data, "index"));
        }

        internal ArticleIndex Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            _folder.Dispose();
        }
    }
}
