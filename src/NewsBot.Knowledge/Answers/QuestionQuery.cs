using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Turns a question into a Lucene query: the question, escaped and lower-cased so that no character or word
/// acts as query syntax, goes through the classic <see cref="MultiFieldQueryParser"/> over passage text,
/// title, heading and tags (title and tags count more); pairs of neighbouring question terms found close
/// together in a passage add a proximity bonus.
/// </summary>
internal sealed partial class QuestionQuery
{
    /// <summary>Long messages are cut: the first words of a question say what it is about, and
    /// BooleanQuery allows at most 1,024 clauses.</summary>
    public const int MaxQuestionLength = 500;

    private const int MaxProximityPairs = 24;

    private static readonly string[] Fields = [F.Text, F.Title, F.Heading, F.Tags];

    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly Dictionary<string, float> _boosts;

    public QuestionQuery(Lucene.Net.Analysis.Analyzer analyzer, RankingSettings settings)
    {
        _analyzer = analyzer;
        Settings = settings;
        _boosts = new Dictionary<string, float>
        {
            [F.Text] = 1f,
            [F.Title] = settings.TitleBoost,
            [F.Heading] = settings.HeadingBoost,
            [F.Tags] = settings.TagsBoost,
        };
    }

    public RankingSettings Settings { get; }

    public static string Clean(string question)
    {
        var trimmed = question.Trim();
        return trimmed.Length <= MaxQuestionLength ? trimmed : trimmed[..MaxQuestionLength];
    }

    /// <summary>Builds the query, or null when the question holds no searchable word.</summary>
    public Query? Build(string cleanedQuestion, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        Query main;
        try
        {
            // Lower case first: the parser reads upper-case AND, OR and NOT as operators.
            main = NewParser().Parse(QueryParserBase.Escape(JoinModelNames(cleanedQuestion.ToLowerInvariant())));
        }
        catch (ParseException)
        {
            return null;
        }

        if (main is BooleanQuery { Clauses.Count: 0 })
        {
            return null;
        }

        var query = new BooleanQuery { { main, Occur.MUST } };
        foreach (var pair in ProximityPairs(tokens))
        {
            query.Add(pair, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The classic parser splits on white space before analysis, so "phi 2" would reach the analyzer as two
    /// separate words and never yield the joined name "phi2". Joining a word and a following version with a
    /// hyphen ("phi-2") hands them to the analyzer together, exactly as "Phi-2" is indexed; the analyzer's
    /// own rules still decide what a version is (years and stop words never join).
    /// </summary>
    internal static string JoinModelNames(string question) => WordThenVersion().Replace(question, "$1-$2");

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\p{L}+) (\d[\p{L}\d.]*)")]
    private static partial System.Text.RegularExpressions.Regex WordThenVersion();

    /// <summary>A parser per question: query parsers keep state while parsing and are not thread-safe.</summary>
    private MultiFieldQueryParser NewParser() => new(NewsAnalyzer.Version, Fields, _analyzer, _boosts)
    {
        DefaultOperator = Operator.OR,
        AllowLeadingWildcard = false,
        AutoGeneratePhraseQueries = false,
    };

    private IEnumerable<Query> ProximityPairs(IReadOnlyList<AnalyzedToken> tokens)
    {
        var words = tokens.Where(t => !t.SharesPosition).ToList();
        var count = 0;
        for (var i = 0; i + 1 < words.Count && count < MaxProximityPairs; i++)
        {
            var (first, second) = (words[i], words[i + 1]);
            if (second.Position - first.Position > 2 || first.Term == second.Term)
            {
                continue;
            }

            var phrase = new PhraseQuery { Slop = Settings.ProximitySlop, Boost = Settings.ProximityBoost };
            phrase.Add(new Term(F.Text, first.Term), 0);
            phrase.Add(new Term(F.Text, second.Term), second.Position - first.Position);
            count++;
            yield return phrase;
        }
    }
}
