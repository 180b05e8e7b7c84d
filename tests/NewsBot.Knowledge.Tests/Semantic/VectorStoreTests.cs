using NewsBot.Knowledge.Semantic;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Semantic;

public sealed class VectorStoreTests : IDisposable
{
    private const int Dimensions = 8;
    private readonly TempFolder _folder = new();

    private string FilePath => _folder.Combine("vectors/model.vec");

    [Fact]
    public void Vectors_SurviveAReopen()
    {
        using (var store = VectorStore.Open(FilePath, "model", Dimensions))
        {
            store.Add(1, Vector(0.5f));
            store.Add(2, Vector(-0.25f));
            store.Flush();
        }

        using var reopened = VectorStore.Open(FilePath, "model", Dimensions);

        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGetRow(2, out var row));
        Assert.Equal(-127, reopened.Vector(row)[0]);
    }

    [Fact]
    public void Add_OfAKeyAlreadyHeld_StoresNothingTwice()
    {
        using var store = VectorStore.Open(FilePath, "model", Dimensions);
        store.Add(1, Vector(0.5f));
        store.Add(1, Vector(0.5f));
        store.Flush();

        Assert.Equal(1, store.Count);
        Assert.Equal(HeaderLength() + RecordLength, new FileInfo(FilePath).Length);
    }

    [Fact]
    public void Open_DropsARecordCutShortByAKilledProcess_AndAppendsInLineAfterIt()
    {
        using (var store = VectorStore.Open(FilePath, "model", Dimensions))
        {
            store.Add(1, Vector(0.5f));
            store.Add(2, Vector(0.25f));
        }

        using (var file = new FileStream(FilePath, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        using (var store = VectorStore.Open(FilePath, "model", Dimensions))
        {
            Assert.Equal(1, store.Count);
            Assert.False(store.Contains(2));
            store.Add(3, Vector(0.75f));
        }

        using var reopened = VectorStore.Open(FilePath, "model", Dimensions);
        Assert.True(reopened.Contains(1));
        Assert.True(reopened.Contains(3));
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void Open_StartsOver_WhenTheFileHoldsAnotherModel()
    {
        using (var store = VectorStore.Open(FilePath, "old-model", Dimensions))
        {
            store.Add(1, Vector(0.5f));
        }

        using var reopened = VectorStore.Open(FilePath, "model", Dimensions);

        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void Open_WhileAnotherStoreHoldsTheFile_ReadsItsVectorsAndKeepsNewOnesInMemory()
    {
        using var owner = VectorStore.Open(FilePath, "model", Dimensions);
        owner.Add(1, Vector(0.5f));
        owner.Flush();
        var length = new FileInfo(FilePath).Length;

        using var second = VectorStore.Open(FilePath, "model", Dimensions);
        second.Add(2, Vector(0.25f));
        second.Flush();

        Assert.False(second.IsPersistent);
        Assert.True(second.Contains(1));
        Assert.True(second.Contains(2));
        Assert.Equal(length, new FileInfo(FilePath).Length);
    }

    [Fact]
    public void Add_RejectsAVectorOfTheWrongSize()
    {
        using var store = VectorStore.InMemory(Dimensions);

        Assert.Throws<ArgumentException>(() => store.Add(1, new float[Dimensions + 1]));
    }

    public void Dispose() => _folder.Dispose();

    private const int RecordLength = 16 + 4 + Dimensions;

    private static long HeaderLength() => 8 + 4 + 4 + "model".Length;

    private static float[] Vector(float first) => [first, 0.1f, 0, 0, 0, 0, 0, 0];
}
