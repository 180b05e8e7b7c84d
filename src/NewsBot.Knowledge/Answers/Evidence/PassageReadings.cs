using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace NewsBot.Knowledge.Answers.Evidence;

/// <summary>
/// Passage readings kept by content key (a passage's text, heading and title hash): answers keep weighing the same
/// passages of the same articles, so most questions find their candidates read already. At most
/// <see cref="Capacity"/> readings are kept, in two generations: when the newer one fills up it becomes the older
/// one and the oldest readings go, so a reading in use stays (a lookup in the older generation moves it forward).
/// </summary>
internal sealed class PassageReadings(Analyzer analyzer)
{
    /// <summary>Readings kept: a few kilobytes each.</summary>
    public const int Capacity = 8192;

    private ConcurrentDictionary<UInt128, PassageReading> _newer = new();
    private ConcurrentDictionary<UInt128, PassageReading> _older = new();
    private readonly Lock _turnover = new();

    /// <summary>Whether the reading of the passage with <paramref name="key"/> is kept.</summary>
    public bool Has(UInt128 key) => _newer.ContainsKey(key) || _older.ContainsKey(key);

    /// <param name="key">The passage's content key; zero (an index without keys) reads it every time.</param>
    public PassageReading Get(IndexSearcher searcher, int doc, UInt128 key)
    {
        if (key == UInt128.Zero)
        {
            return PassageReading.Read(searcher, analyzer, doc);
        }

        if (_newer.TryGetValue(key, out var reading))
        {
            return reading;
        }

        if (!_older.TryGetValue(key, out reading))
        {
            reading = PassageReading.Read(searcher, analyzer, doc);
        }

        _newer[key] = reading;
        if (_newer.Count >= Capacity / 2)
        {
            lock (_turnover)
            {
                if (_newer.Count >= Capacity / 2)
                {
                    _older = _newer;
                    _newer = new ConcurrentDictionary<UInt128, PassageReading>();
                }
            }
        }

        return reading;
    }
}
