using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// A term enumerator per segment and field, lent out and given back: creating one for a seek (as
/// <c>segment.GetTerms(field).GetEnumerator()</c> does) costs about 5 µs and 5 KB of garbage at 50,000 articles, where
/// a seek with an enumerator that seeked before costs about 1 µs and allocates next to nothing. Looking up a term
/// means a seek in each of a dozen segments and in several fields, for every question term and every title term read
/// for the first time, so a fresh enumerator per seek made term lookups most of the first answers' extra time and
/// garbage (docs/benchmarks.md). An enumerator holds no state between uses that a seek does not reset: one per
/// segment and field is kept (a second borrower at the same moment gets a new one, which is then dropped), for as
/// long as the segment's core lives.
/// </summary>
internal static class SegmentTermsEnums
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, StrongBox<TermsEnum?>>> Kept = new();

    /// <summary>Borrows the field's enumerator of <paramref name="segment"/>; null when the segment has no such field.
    /// Give it back with <see cref="Return"/> once done with it (and with nothing it returned but postings).</summary>
    public static TermsEnum? Borrow(AtomicReader segment, string field)
    {
        var slot = Slot(segment, field);
        return Interlocked.Exchange(ref slot.Value, null) ?? segment.GetTerms(field)?.GetEnumerator();
    }

    /// <summary>Gives back an enumerator borrowed from <paramref name="segment"/> for <paramref name="field"/>.</summary>
    public static void Return(AtomicReader segment, string field, TermsEnum? terms)
    {
        if (terms is not null)
        {
            Interlocked.CompareExchange(ref Slot(segment, field).Value, terms, null);
        }
    }

    private static StrongBox<TermsEnum?> Slot(AtomicReader segment, string field)
    {
        var byField = Kept.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, StrongBox<TermsEnum?>>(StringComparer.Ordinal));
        return byField.TryGetValue(field, out var slot) ? slot : byField.GetOrAdd(field, _ => new StrongBox<TermsEnum?>());
    }
}
