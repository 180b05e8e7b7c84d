using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Passages;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Evaluation;

[Collection("BEIR temporary indexes")]
public sealed class BeirEvaluatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public BeirEvaluatorTests()
    {
        TinyBeirDataset.Write(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Evaluate_ScoresPerfectNdcgAndRecall_WhenEachQueryObviouslyMatchesOneDocument()
    {
        var report = BeirEvaluator.Evaluate(BeirDataset.Load(_folder.Path, "test"));

        Assert.Equal(4, report.Queries);
        Assert.Equal(6, report.Documents);
        Assert.Equal(1.0, report.NdcgAt10, 9);
        Assert.Equal(1.0, report.RecallAt100, 9);
        Assert.Equal(["d1", "d2", "d3", "6"], report.Runs.Select(r => r.Ranked[0].DocId));
        Assert.All(report.Runs, r => Assert.True(r.Ranked.Zip(r.Ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score)));
    }

    [Fact]
    public void Evaluate_ScoresZero_WhenJudgedDocumentsDoNotMatchTheQueries()
    {
        _folder.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td4\t1\nq2\td5\t1\n");

        var report = BeirEvaluator.Evaluate(BeirDataset.Load(_folder.Path, "test"));

        Assert.Equal(2, report.Queries);
        Assert.Equal(0.0, report.NdcgAt10, 9);
    }

    [Fact]
    public void Evaluate_DeletesItsTemporaryIndex_AndItsLock_WhenDone()
    {
        // A folder of the test's own: the system's temporary folder is shared with other test processes, whose
        // evaluations (`eval --beir`) may hold an index there at the same moment.
        using var work = new TempFolder();

        BeirEvaluator.Evaluate(BeirDataset.Load(_folder.Path, "test"), null, ArticleIndex.Similarity, RankingSettings.Default, new PassageSplitter(), workRoot: work.Path);

        // Nothing left: neither the index nor the writer lock file Lucene's folder had beside it.
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }
}
