using Lucene.Net.Index;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Packs the positions of the longest passage-text lists ahead of questions (<see cref="PackedPositions"/>), within a
/// memory budget: a question's proximity pair otherwise packs its terms' positions the first time it needs them, which
/// for a term held by most passages took up to 19 ms of a new question's answer at 50,000 articles
/// (docs/benchmarks.md). Packing takes time in proportion to the list, so the longest lists are the ones a question
/// should never pack itself; the shorter ones beyond the budget cost a question a fraction of a millisecond each.
/// Run by <see cref="PostingsWarmup"/> after the posting lists, on its background thread.
/// </summary>
/// <remarks>
/// Every long list of the passage text would take 72 MB at 50,000 articles (8 bytes a passage and about one a
/// position); the longest 500 or so take 32 MB and about 0.5 s of one core. Questions pack the lists they need beyond
/// the budget as before, so positions never take more than every long list would; only when they take it changes.
/// </remarks>
internal static class PositionsWarmup
{
    /// <summary>Packed positions the current segments may hold before the warm-up stops packing (questions still pack
    /// what they need beyond it).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Packs the positions of the long passage-text lists (<see cref="PackedPostings.MinDocFreq"/> passages or more)
    /// in the segments of <paramref name="reader"/> not warmed before, the longest first, while the segments hold less
    /// than <paramref name="maxBytes"/> of packed positions.
    /// </summary>
    /// <returns>The number of lists packed.</returns>
    public static int PackLongLists(IndexReader reader, long maxBytes, CancellationToken cancellationToken = default) =>
        new PositionsPacker().PackLongLists(reader, maxBytes, cancellationToken);

    private sealed class PositionsPacker : LongListPacker
    {
        private static readonly string[] TextField = [F.Text];

        private DocsAndPositionsEnum? _reuse;

        protected override IReadOnlyList<string> Fields => TextField;

        protected override long BytesIn(AtomicReader segment) => PackedPositions.BytesIn(segment);

        protected override bool IsWarm(AtomicReader segment, string field) => PackedPositions.IsWarm(segment);

        protected override void MarkWarm(AtomicReader segment, string field) => PackedPositions.MarkWarm(segment);

        protected override bool IsPacked(AtomicReader segment, string field, string term) => PackedPositions.TryGet(segment, term, out _);

        protected override long Pack(AtomicReader segment, string field, string term, TermsEnum terms, int docFreq)
        {
            _reuse = terms.DocsAndPositions(null, _reuse, DocsAndPositionsFlags.NONE);
            return PackedPositions.Add(segment, term, _reuse, docFreq).Bytes;
        }
    }
}
