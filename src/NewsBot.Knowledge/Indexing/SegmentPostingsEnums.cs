using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Postings enumerators of one segment, for a search to reuse (Lucene's <c>reuse</c> argument) and give back: a new
/// one costs about 2 KB of buffers (a docs enumerator) or 4 KB (with positions), and a question opens one in each
/// segment for its short lists, about 70 KB of an answer's garbage at 50,000 articles. One set is kept per segment for
/// as long as its core lives; a second borrower at the same moment gets a new set, which is then dropped.
/// </summary>
internal static class SegmentPostingsEnums
{
    private static readonly ConditionalWeakTable<object, StrongBox<Reused?>> Kept = new();

    /// <summary>Borrows the segment's enumerators; give them back with <see cref="Return"/> once no postings read
    /// through them are needed any more.</summary>
    public static Reused Borrow(AtomicReader segment) =>
        Interlocked.Exchange(ref Kept.GetValue(segment.CoreCacheKey, _ => new StrongBox<Reused?>()).Value, null) ?? new Reused();

    public static void Return(AtomicReader segment, Reused reused) =>
        Interlocked.CompareExchange(ref Kept.GetValue(segment.CoreCacheKey, _ => new StrongBox<Reused?>()).Value, reused, null);

    /// <summary>A docs enumerator and two positions enumerators (a proximity pair's two terms).</summary>
    internal sealed class Reused
    {
        public DocsEnum? Docs { get; set; }

        public DocsAndPositionsEnum?[] Positions { get; } = new DocsAndPositionsEnum?[2];
    }
}
