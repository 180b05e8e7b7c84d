using Lucene.Net.Index;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Tests.Answers;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary>The document counts kept per reader are Lucene's, over every segment, for terms present or not.</summary>
public sealed class ReaderDocFreqsTests : IClassFixture<PassageSearchTests.EditedKnowledge>
{
    private readonly PassageSearchTests.EditedKnowledge _collection;

    public ReaderDocFreqsTests(PassageSearchTests.EditedKnowledge collection) => _collection = collection;

    [Fact]
    public void Counts_AreLucenesDocumentFrequencies_OverEverySegment()
    {
        using var lease = _collection.Index.Lease();
        var reader = lease.Searcher.IndexReader;
        Assert.True(reader.Leaves.Count > 1, "several segments");
        foreach (var field in new[] { F.Text, F.About, F.Names })
        {
            var all = MultiFields.GetTerms(reader, field).GetEnumerator();
            var terms = new List<string>();
            while (all.MoveNext())
            {
                terms.Add(all.Term.Utf8ToString());
            }

            Assert.NotEmpty(terms);
            foreach (var term in terms.Concat(terms.Take(50).Select(t => t + "zz")).OrderBy(t => t.GetHashCode(StringComparison.Ordinal)))
            {
                Assert.Equal(reader.DocFreq(new Term(field, term)), ReaderDocFreqs.Of(reader, field, term));
            }
        }
    }
}
