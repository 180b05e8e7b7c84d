using Lucene.Net.Search;

namespace NewsBot.Knowledge.Indexing;

/// <summary>Borrows a searcher from a <see cref="SearcherManager"/> and gives it back on dispose.</summary>
internal sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;
    private IndexSearcher? _searcher;

    public SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        _searcher = manager.Acquire();
    }

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public void Dispose()
    {
        if (_searcher is not null)
        {
            _manager.Release(_searcher);
            _searcher = null;
        }
    }
}
