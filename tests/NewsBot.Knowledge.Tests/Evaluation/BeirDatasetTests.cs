using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class BeirDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public BeirDatasetTests()
    {
        TinyBeirDataset.Write(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ReadsCorpusQueriesAndPositiveJudgements_SkippingTheHeader()
    {
        var dataset = BeirDataset.Load(_folder.Path, "test");

        Assert.Equal(["d1", "d2", "d3", "d4", "d5", "6"], dataset.Corpus.Select(d => d.Id));
        Assert.Equal("Volcano eruption", dataset.Corpus[0].Title);
        Assert.Equal(["q1", "q2", "q3", "q4"], dataset.Queries.Select(q => q.Id));
        Assert.Equal(4, dataset.Qrels.Count);
        Assert.Equal(2, dataset.Qrels["q3"]["d3"]);
        Assert.Equal(["6"], dataset.Qrels["q4"].Keys);
    }

    [Fact]
    public void Load_PrefersSplitQueryFile_WhenItExists()
    {
        _folder.Write("queries.test.jsonl", "{\"_id\": \"q2\", \"text\": \"record marathon\"}\n");

        var dataset = BeirDataset.Load(_folder.Path, "test");

        Assert.Equal([("q2", "record marathon")], dataset.Queries);
    }

    [Fact]
    public void Load_ThrowsFileNotFound_WhenQrelsOfTheSplitAreMissing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BeirDataset.Load(_folder.Path, "dev"));

        Assert.EndsWith(Path.Combine("qrels", "dev.tsv"), error.FileName);
    }

    [Fact]
    public void Load_ThrowsFileNotFound_WhenCorpusIsMissing()
    {
        File.Delete(_folder.Combine("corpus.jsonl"));

        var error = Assert.Throws<FileNotFoundException>(() => BeirDataset.Load(_folder.Path, "test"));

        Assert.EndsWith("corpus.jsonl", error.FileName);
    }
}
