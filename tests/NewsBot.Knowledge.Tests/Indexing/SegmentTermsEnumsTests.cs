using Lucene.Net.Index;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Tests.Answers;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary>
/// Term lookups reuse one enumerator per segment and field: whatever was looked up before, in whatever order, a term
/// must be found exactly as a fresh enumerator finds it, and two lookups at the same moment must not share one.
/// </summary>
public sealed class SegmentTermsEnumsTests : IClassFixture<PassageSearchTests.EditedKnowledge>
{
    private readonly PassageSearchTests.EditedKnowledge _collection;

    public SegmentTermsEnumsTests(PassageSearchTests.EditedKnowledge collection) => _collection = collection;

    [Fact]
    public void Lookups_FindEveryTermAsAFreshEnumerator_InAnyOrder()
    {
        using var lease = _collection.Index.Lease();
        var reader = lease.Searcher.IndexReader;
        Assert.True(reader.Leaves.Count > 1, "several segments");
        var terms = new List<(string Field, string Term)>();
        foreach (var field in new[] { F.Text, F.About, F.Names })
        {
            var all = MultiFields.GetTerms(reader, field).GetEnumerator();
            while (all.MoveNext())
            {
                terms.Add((field, all.Term.Utf8ToString()));
            }
        }

        // Absent terms between present ones: a failed seek must not leave the kept enumerator misplaced.
        terms.AddRange(terms.Take(200).Select(t => (t.Field, t.Term + "zz")).ToList());
        var shuffled = terms.OrderBy(t => HashCode.Combine(t.Field, t.Term)).ToList();
        Assert.True(shuffled.Count > 1000, $"{shuffled.Count} terms");
        foreach (var (field, term) in shuffled)
        {
            var kept = SegmentTermStates.Context(reader.Context, field, term);
            Assert.Equal(reader.DocFreq(new Term(field, term)), kept.DocFreq);
            Assert.Equal(reader.TotalTermFreq(new Term(field, term)), kept.TotalTermFreq);
        }
    }

    [Fact]
    public void TwoBorrowersAtOnce_GetTwoEnumerators_AndTheReturnedOneIsLentAgain()
    {
        using var lease = _collection.Index.Lease();
        var segment = lease.Searcher.IndexReader.Leaves[0].AtomicReader;

        var first = SegmentTermsEnums.Borrow(segment, F.Text);
        var second = SegmentTermsEnums.Borrow(segment, F.Text);
        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.True(first.MoveNext());
        SegmentTermsEnums.Return(segment, F.Text, first);
        SegmentTermsEnums.Return(segment, F.Text, second);

        Assert.Same(first, SegmentTermsEnums.Borrow(segment, F.Text));
        Assert.Null(SegmentTermsEnums.Borrow(segment, "no such field"));
    }
}
