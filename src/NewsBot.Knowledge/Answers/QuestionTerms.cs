using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// A question's terms looked up in the index once: for each term and searched field, where it sits in every
/// segment's term dictionary (Lucene's <see cref="TermContext"/>, from <see cref="SegmentTermStates"/>) and how
/// many passages hold it. The query plan,
/// the confidence weights, the search and the coverage of the shown passages all read these, where each used to
/// seek every term again in each of the index's segments.
/// </summary>
internal sealed class QuestionTerms(IndexReader reader)
{
    private readonly Dictionary<string, (TermContext Text, TermContext About)> _contexts = new(StringComparer.Ordinal);

    public IndexReader Reader { get; } = reader;

    /// <summary>The term's lookups in the passage text and in the <c>about</c> field.</summary>
    public (TermContext Text, TermContext About) Get(string term)
    {
        if (!_contexts.TryGetValue(term, out var contexts))
        {
            var top = Reader.Context;
            contexts = (SegmentTermStates.Context(top, F.Text, term), SegmentTermStates.Context(top, F.About, term));
            _contexts[term] = contexts;
        }

        return contexts;
    }

    public TermContext Get(string term, string field) => field switch
    {
        F.Text => Get(term).Text,
        F.About => Get(term).About,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Questions search the text and about fields only."),
    };

    private readonly Dictionary<string, double> _nameShares = new(StringComparer.Ordinal);

    /// <summary>
    /// How much the collection writes the term as a name: the share of the passages whose text holds it that
    /// capitalise it inside a sentence (<see cref="F.Names"/>): near 1 for "llama" or "garante", near 0 for
    /// "commercial". Null when no passage text holds the term.
    /// </summary>
    public double? NameShare(string term)
    {
        if (!_nameShares.TryGetValue(term, out var share))
        {
            var text = TextDocFreq(term);
            share = text == 0 ? -1 : Math.Min(1, (double)ReaderDocFreqs.Of(Reader, F.Names, term) / text);
            _nameShares[term] = share;
        }

        return share < 0 ? null : share;
    }

    /// <summary>Passages holding the term in either field (the larger of the two counts). A term not looked up for
    /// searching (a title's, say) is only counted (<see cref="ReaderDocFreqs"/>): the same counts, without keeping
    /// its place in every segment.</summary>
    public int DocFreq(string term)
    {
        if (_contexts.TryGetValue(term, out var contexts))
        {
            return Math.Max(contexts.Text.DocFreq, contexts.About.DocFreq);
        }

        return Math.Max(ReaderDocFreqs.Of(Reader, F.Text, term), ReaderDocFreqs.Of(Reader, F.About, term));
    }

    /// <summary>
    /// How many articles have a passage whose text holds the term: every posting of the term is read, so this is for
    /// the few questions that need it (<see cref="Questions.NewsRequest"/>), not for every question.
    /// </summary>
    public int ArticleFreq(string term)
    {
        var docs = MultiFields.GetTermDocsEnum(Reader, MultiFields.GetLiveDocs(Reader), F.Text, new BytesRef(term));
        if (docs is null)
        {
            return 0;
        }

        var articleIds = new PassageArticleIds(Reader);
        var articles = new HashSet<string>(StringComparer.Ordinal);
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            if (articleIds.Get(docs.DocID) is { } id)
            {
                articles.Add(id);
            }
        }

        return articles.Count;
    }

    private int TextDocFreq(string term) =>
        _contexts.TryGetValue(term, out var contexts) ? contexts.Text.DocFreq : ReaderDocFreqs.Of(Reader, F.Text, term);
}
