using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

public sealed class QuestionQueryTests : IDisposable
{
    private readonly NewsAnalyzer _analyzer = new();
    private readonly Lucene.Net.Store.RAMDirectory _directory = new();
    private readonly Lucene.Net.Index.DirectoryReader _reader;

    public QuestionQueryTests()
    {
        using (var writer = new Lucene.Net.Index.IndexWriter(_directory, new Lucene.Net.Index.IndexWriterConfig(NewsAnalyzer.Version, _analyzer)))
        {
            writer.AddDocument([new Lucene.Net.Documents.TextField("text", "Phi-2 is released under the MIT licence.", Lucene.Net.Documents.Field.Store.NO)]);
        }

        _reader = Lucene.Net.Index.DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private SearchPlan? Build(string question)
    {
        var cleaned = QuestionQuery.Clean(question);
        return new QuestionQuery(_analyzer, RankingSettings.Default).Build(cleaned, TextAnalysis.Tokens(_analyzer, "text", cleaned), new QuestionTerms(_reader));
    }

    [Theory]
    [InlineData("  Is Phi-2 open?  ", "Is Phi-2 open?")]
    [InlineData("\tphi\n", "phi")]
    [InlineData("", "")]
    public void Clean_TrimsWhiteSpace(string question, string expected)
    {
        Assert.Equal(expected, QuestionQuery.Clean(question));
    }

    [Fact]
    public void Clean_KeepsFirst500Characters_WhenQuestionIsLonger()
    {
        var question = "Phi-2 " + new string('x', 1000);

        var cleaned = QuestionQuery.Clean(question);

        Assert.Equal(QuestionQuery.MaxQuestionLength, cleaned.Length);
        Assert.StartsWith("Phi-2 x", cleaned);
    }

    /// <summary>Questions are read without Lucene's classic query parser (it finds the end of its input by catching an
    /// exception), so its terms must stay the parser's: every golden and paraphrased question, chat wording, query
    /// syntax of every kind, the parser's white space and other white space.</summary>
    [Fact]
    public void Terms_AreTheClassicQueryParsersTerms_ForGoldenQuestionsAndQuerySyntax()
    {
        var questions = NewsBot.Knowledge.Evaluation.GoldenQuestion.Load(RepositoryPaths.GoldenQuestions)
            .Concat(NewsBot.Knowledge.Evaluation.GoldenQuestion.Load(RepositoryPaths.ParaphraseQuestions))
            .Select(q => q.Question)
            .Concat(
            [
                "", "   ", "what is it?", "AND OR NOT", "Phi-2 AND licence", "title:phi OR text:gpt", "\"unclosed phrase",
                "phi~0.5 licence^10", "[a TO z]", "{a TO z}", "/regex.*/", "* ? ~ ^ \" ( ) [ ] { } : \\ / + - && || !",
                "gpt-4o's price?", "how big is phi 2", "llama 3.1 405b vs gpt-4", "u.s. a.i. rules", "C++ or C#?",
                "tab\tnew\nline\rreturn\u3000ideographic", "no\u00A0break and em\u2003space", "emoji 🤖 bot", "100% sure—really…",
                "\\escaped\\ back\\slashes", "-minus +plus !bang", "what's 6.6b in dollars", "claude-3.5-sonnet", "mistral's 8x7b",
            ]);
        var query = new QuestionQuery(_analyzer, RankingSettings.Default);
        foreach (var question in questions)
        {
            Assert.Equal(ParserTerms(question), query.Terms(QuestionQuery.Clean(question)));
        }
    }

    /// <summary>The terms Lucene's classic query parser finds in the question lower-cased and escaped, as the engine
    /// parsed questions before (null when the parser rejects it: nothing to search).</summary>
    private List<string> ParserTerms(string question)
    {
        var parser = new Lucene.Net.QueryParsers.Classic.QueryParser(NewsAnalyzer.Version, "text", _analyzer)
        {
            DefaultOperator = Lucene.Net.QueryParsers.Classic.Operator.OR,
            AllowLeadingWildcard = false,
            AutoGeneratePhraseQueries = false,
        };
        var text = QuestionQuery.JoinModelNames(QuestionQuery.Clean(question).ToLowerInvariant());
        Lucene.Net.Search.Query parsed;
        try
        {
            parsed = parser.Parse(Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(text));
        }
        catch (Lucene.Net.QueryParsers.Classic.ParseException)
        {
            return [];
        }

        var terms = new List<string>();
        Collect(parsed);
        return terms;

        void Collect(Lucene.Net.Search.Query query)
        {
            switch (query)
            {
                case Lucene.Net.Search.TermQuery term:
                    terms.Add(term.Term.Text);
                    break;
                case Lucene.Net.Search.BooleanQuery boolean:
                    foreach (var clause in boolean.Clauses)
                    {
                        Collect(clause.Query);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"the parser made a {query.GetType().Name} of '{question}'");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("what is it?")]
    [InlineData("AND OR NOT")]
    [InlineData("* ? ~ ^ \" ( ) [ ] { } : \\ / + - && || !")]
    public void Build_ReturnsNull_WhenQuestionHasNoSearchableWord(string question)
    {
        Assert.Null(Build(question));
    }

    [Theory]
    [InlineData("Phi-2 AND licence")]
    [InlineData("title:phi OR text:gpt")]
    [InlineData("\"unclosed phrase")]
    [InlineData("phi~0.5 licence^10")]
    [InlineData("[a TO z]")]
    [InlineData("/regex.*/")]
    public void Build_SearchesWordsOnly_WhenQuestionLooksLikeQuerySyntax(string question)
    {
        var query = Build(question);

        Assert.NotNull(query);
        var text = query.ToString();
        Assert.DoesNotContain("*", text);
        Assert.DoesNotContain(" TO ", text);
        Assert.DoesNotContain("~0.5", text);
        Assert.DoesNotContain("^10", text);
        Assert.DoesNotMatch(@"(^|[\s(])-", text);
        Assert.Contains("text:", text);
    }

    [Fact]
    public void Build_FindsOnlyPassagesWithARarerWord_WhenQuestionMixesCommonAndRareWords()
    {
        using var index = Index("the model was released", "a model for code", "another model launched", "Phi-2 is a small model");

        Assert.Equal([3], Search(index, "Which model is Phi-2?"));
        Assert.Equal([0, 1, 2, 3], Search(index, "model"));
    }

    private static Lucene.Net.Store.RAMDirectory Index(params string[] passages)
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        using var analyzer = new NewsAnalyzer();
        using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(NewsAnalyzer.Version, analyzer));
        foreach (var passage in passages)
        {
            writer.AddDocument([new Lucene.Net.Documents.TextField("text", passage, Lucene.Net.Documents.Field.Store.NO)]);
        }

        return directory;
    }

    private List<int> Search(Lucene.Net.Store.RAMDirectory index, string question)
    {
        using var reader = Lucene.Net.Index.DirectoryReader.Open(index);
        var cleaned = QuestionQuery.Clean(question);
        var settings = RankingSettings.Default with { CommonTermShare = 0.5, MinCommonPassages = 0 };
        var lookup = new QuestionTerms(reader);
        var plan = new QuestionQuery(_analyzer, settings).Build(cleaned, TextAnalysis.Tokens(_analyzer, "text", cleaned), lookup)!;
        var searcher = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var found = PassageSearch.Top(searcher, plan, lookup, 10).Docs.Select(d => d.Doc).Order().ToList();
        Assert.Equal(searcher.Search(plan.ToQuery(), 10).ScoreDocs.Select(d => d.Doc).Order(), found);
        return found;
    }
}
