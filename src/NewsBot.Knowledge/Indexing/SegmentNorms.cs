using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Each segment's length norms of a field (one byte per document, as Lucene encodes them), read once into an array:
/// scoring a posting then costs an array read instead of a virtual doc-values call. Kept per segment core, so a
/// segment's array lives as long as the segment (deletions do not change norms) and merged-away segments drop theirs.
/// Looked up for every question term in every segment, so a lookup takes no lock (a lock here cost about a tenth of
/// the answer time at 50,000 articles): two threads reading the same norms at once both read them, harmlessly.
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Cache = new();

    /// <returns>The norm byte of every document of the segment, or null when the field has no norms there.</returns>
    public static byte[]? Of(AtomicReader segment, string field)
    {
        var byField = Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal));
        return byField.TryGetValue(field, out var norms) ? norms : byField.GetOrAdd(field, f => Read(segment, f));
    }

    private static byte[]? Read(AtomicReader segment, string field)
    {
        var values = segment.GetNormValues(field);
        if (values is null)
        {
            return null;
        }

        var norms = new byte[segment.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = (byte)values.Get(doc);
        }

        return norms;
    }
}
