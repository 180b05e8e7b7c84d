using System.Buffers;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Arrays kept for a segment's life (packed posting and position lists), built in a rented buffer and then copied once
/// to the pinned object heap. Built in ordinary arrays, each list went through two or three growing copies and the
/// kept arrays were copied again by every gen-0 and gen-1 collection that promoted them: at 50,000 articles the first
/// answers packed about 150 KB a question, most of what those collections copied (docs/benchmarks.md). The pinned heap
/// is swept only with generation 2 and never moves its arrays, which hold no references for a collection to trace.
/// </summary>
internal static class LongLivedArrays
{
    /// <summary>A zeroed array of <paramref name="length"/> values on the pinned object heap.</summary>
    public static T[] Allocate<T>(int length)
        where T : unmanaged => GC.AllocateArray<T>(length, pinned: true);

    /// <summary>A copy of <paramref name="values"/> on the pinned object heap.</summary>
    public static T[] Copy<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        if (values.IsEmpty)
        {
            return [];
        }

        var array = GC.AllocateUninitializedArray<T>(values.Length, pinned: true);
        values.CopyTo(array);
        return array;
    }
}

/// <summary>A growing list of values in arrays rented from the shared pool, to be copied out once complete.</summary>
internal sealed class RentedList<T> : IDisposable
    where T : unmanaged
{
    private T[] _items;

    public RentedList(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
    }

    public int Count { get; private set; }

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = value;
    }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = [];
        }
    }
}
