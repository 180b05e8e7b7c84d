using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// Passages that score the same are kept or dropped by their content, not by the document numbers the index happened
/// to give them: a sync indexes on every core, so the same collection is numbered differently from one build to the
/// next, and the answers (and the held-out figures with BM25 alone) changed with it.
/// </summary>
public sealed class PassageSearchTiesTests
{
    private static readonly string[] Passages =
    [
        "zebra one two three", "zebra four five six", "zebra seven eight nine", "zebra ten eleven twelve", "zebra thirteen fourteen fifteen",
    ];

    [Fact]
    public void Top_KeepsTheSamePassagesAmongEqualScores_WhateverOrderTheyWereIndexedIn()
    {
        var forward = Kept(Passages);
        var backward = Kept(Passages.Reverse().ToArray());

        Assert.Equal(2, forward.Count);
        Assert.Equal(forward, backward);
    }

    /// <summary>The texts of the best two passages for "zebra", which all five hold once in four words.</summary>
    private static List<string> Kept(string[] texts)
    {
        using var directory = new RAMDirectory();
        using var analyzer = new NewsAnalyzer();
        var config = new IndexWriterConfig(NewsAnalyzer.Version, analyzer) { Similarity = ArticleIndex.Similarity };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var text in texts)
            {
                writer.AddDocument(
                [
                    new TextField(F.Text, text, Field.Store.YES),
                    new BinaryDocValuesField(F.VectorKey, VectorKeys.ToBytes(EmbeddingInput.Key(text))),
                ]);
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleIndex.Similarity };
        var plan = new SearchPlan([new PlannedTerm("zebra", 1, false)], [], 1, 0, 0);
        var docs = PassageSearch.Top(searcher, plan, new QuestionTerms(reader), 2).Docs;
        Assert.Single(docs.Select(d => d.Score).Distinct());
        return docs.Select(d => searcher.Doc(d.Doc).Get(F.Text)).Order(StringComparer.Ordinal).ToList();
    }
}
