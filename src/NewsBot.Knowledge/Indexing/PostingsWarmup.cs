using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Packs posting lists in the background, so that a question seldom waits for one to be packed: after the index
/// opens and after each sync, the long lists (<see cref="PackedPostings.MinDocFreq"/> documents or more) of the
/// searched fields in every segment not warmed before, the longest first, while the current segments hold less
/// than <see cref="MaxBytes"/> of packed lists; then the positions of the longest passage-text lists
/// (<see cref="PositionsWarmup"/>) within their own budget.
/// </summary>
/// <remarks>
/// A question packing a long list itself decodes it through Lucene.Net at about 22 ns a posting: at 50,000 articles
/// that was up to 10 ms of a new question's search (docs/benchmarks.md). Packing every long list of the searched
/// fields there takes about 0.7 s of one core and 30 MB; a sync of a few files adds a segment too small to hold long
/// lists, so later passes cost next to nothing until segments merge. Segments never change, so a segment once warmed
/// stays warm for its life; packed lists are the same lists a question would pack, so answers do not change.
/// Positions (<see cref="PackedPositions"/>) of every long list of the passage text would take 72 MB there: only the
/// longest are packed ahead, within <see cref="KnowledgeOptions.WarmUpPositionMegabytes"/>, and questions pack the
/// others they need. Packing positions in the background after the questions that needed them was tried: the packing
/// then competed with the next questions for the second core, and the first pass was no faster.
/// </remarks>
internal sealed partial class PostingsWarmup : IDisposable
{
    /// <summary>Packed lists the current segments may hold before the warm-up stops packing (questions still pack
    /// what they need beyond it).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The fields questions search (passages' text and about) and related articles search (the article records').</summary>
    private static readonly string[] Fields = [F.Text, F.About, F.ArticleAbout];

    private readonly ArticleIndex _index;
    private readonly ILogger _logger;
    private readonly long _maxBytes;
    private readonly long _maxPositionBytes;
    private readonly BackgroundPasses _passes;

    /// <param name="maxPositionBytes">The budget of positions packed ahead (<see cref="PositionsWarmup"/>); 0 packs none.</param>
    public PostingsWarmup(ArticleIndex index, ILogger logger, long maxBytes = MaxBytes, long maxPositionBytes = PositionsWarmup.MaxBytes)
    {
        _index = index;
        _logger = logger;
        _maxBytes = maxBytes;
        _maxPositionBytes = maxPositionBytes;
        _passes = new BackgroundPasses("NewsBot postings warm-up", Pass);
    }

    /// <summary>Asks for a pass over the index as it is now (after it opens and after each sync).</summary>
    public void Request() => _passes.Request();

    /// <summary>Completes when every pass requested so far has ended.</summary>
    public Task WhenCompleteAsync(CancellationToken cancellationToken = default) => _passes.WhenCompleteAsync(cancellationToken);

    public void Dispose() => _passes.Dispose();

    /// <summary>
    /// Packs the long lists of the searched fields in the segments of <paramref name="reader"/> not warmed before,
    /// the longest first, while the segments hold less than <paramref name="maxBytes"/> of packed lists.
    /// </summary>
    /// <returns>The number of lists packed.</returns>
    public static int PackLongLists(IndexReader reader, long maxBytes, CancellationToken cancellationToken = default) =>
        new PostingsPacker().PackLongLists(reader, maxBytes, cancellationToken);

    private void Pass(CancellationToken cancellationToken)
    {
        try
        {
            using var lease = _index.Lease();
            var reader = lease.Searcher.IndexReader;
            var lists = PackLongLists(reader, _maxBytes, cancellationToken);
            if (lists > 0 && _logger.IsEnabled(LogLevel.Debug))
            {
                var megabytes = reader.Leaves.Sum(leaf => PackedPostings.BytesIn(leaf.AtomicReader)) / (1024.0 * 1024.0);
                Log.Packed(_logger, lists, megabytes);
            }

            var positions = PositionsWarmup.PackLongLists(reader, _maxPositionBytes, cancellationToken);
            if (positions > 0 && _logger.IsEnabled(LogLevel.Debug))
            {
                var megabytes = reader.Leaves.Sum(leaf => PackedPositions.BytesIn(leaf.AtomicReader)) / (1024.0 * 1024.0);
                Log.PackedPositions(_logger, positions, megabytes);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Questions still pack what they need; the next sync tries again.
            Log.Failed(_logger, exception);
        }
    }

    private sealed class PostingsPacker : LongListPacker
    {
        private DocsEnum? _reuse;

        protected override IReadOnlyList<string> Fields => PostingsWarmup.Fields;

        protected override long BytesIn(AtomicReader segment) => PackedPostings.BytesIn(segment);

        protected override bool IsWarm(AtomicReader segment, string field) => PackedPostings.IsWarm(segment, field);

        protected override void MarkWarm(AtomicReader segment, string field) => PackedPostings.MarkWarm(segment, field);

        protected override bool IsPacked(AtomicReader segment, string field, string term) => PackedPostings.TryGet(segment, field, term, out _);

        protected override long Pack(AtomicReader segment, string field, string term, TermsEnum terms, int docFreq)
        {
            _reuse = terms.Docs(null, _reuse, DocsFlags.FREQS);
            var before = PackedPostings.BytesIn(segment);
            PackedPostings.Add(segment, field, term, _reuse, docFreq);
            return PackedPostings.BytesIn(segment) - before;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5, Level = LogLevel.Debug,
            Message = "Packed {Lists} long posting lists in the background; the index's segments hold {Megabytes:F1} MB of them")]
        public static partial void Packed(ILogger logger, int lists, double megabytes);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug,
            Message = "Packed the positions of {Lists} long passage-text lists in the background; the index's segments hold {Megabytes:F1} MB of them")]
        public static partial void PackedPositions(ILogger logger, int lists, double megabytes);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
            Message = "Packing posting lists in the background failed; questions pack the lists they need")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
