using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Tests.Semantic;

public sealed class QuantizedVectorTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(21)]
    [InlineData(3)]
    public void Dot_EqualsTheScalarProduct(int length)
    {
        var random = new Random(7);
        var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();

        var expected = a.Zip(b, (x, y) => x * y).Sum();

        Assert.Equal(expected, QuantizedVector.Dot(a, b));
    }

    [Fact]
    public void QuantisedCosine_StaysWithinAHundredthOfTheExactOne()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var a = UnitVector(random);
            var b = Mix(a, UnitVector(random), random.NextDouble());
            var exact = a.Zip(b, (x, y) => x * y).Sum();

            var store = VectorStore.InMemory(a.Length);
            store.Add(1, a);
            store.TryGetRow(1, out var row);
            var cosine = new QuestionVector(b).Cosine(store, row);

            Assert.InRange(cosine, exact - 0.01, exact + 0.01);
        }
    }

    [Fact]
    public void Quantize_OfAZeroVector_GivesZeroScaleInsteadOfDividingByZero()
    {
        var destination = new sbyte[4];

        var scale = QuantizedVector.Quantize(new float[4], destination);

        Assert.Equal(0, scale);
        Assert.All(destination, value => Assert.Equal(0, value));
    }

    [Fact]
    public void SignDistance_CountsTheDimensionsWhoseSignsDiffer()
    {
        sbyte[] a = [5, -3, 0, 7, -1];
        sbyte[] b = [4, 2, -1, 7, -9];
        var aSigns = new ulong[1];
        var bSigns = new ulong[1];

        QuantizedVector.SignBits(a, aSigns);
        QuantizedVector.SignBits(b, bSigns);

        Assert.Equal(0b01001UL, aSigns[0]);
        Assert.Equal(1, QuantizedVector.SignDistance(aSigns, bSigns));
    }

    [Fact]
    public void SignDistance_IsSmallForCloseVectorsAndLargeForOpposites_AcrossAllWords()
    {
        var random = new Random(3);
        var a = UnitVector(random);
        var close = Mix(a, UnitVector(random), 0.95);
        var store = VectorStore.InMemory(a.Length);
        store.Add(1, a);
        store.Add(2, close);
        store.Add(3, a.Select(x => -x).ToArray());

        var question = new QuestionVector(a);

        int Distance(UInt128 key)
        {
            Assert.True(store.TryGetRow(key, out var row));
            return QuantizedVector.SignDistance(store.Signs(row), question.Signs);
        }

        Assert.Equal(6, store.SignWords);
        Assert.Equal(0, Distance(1));
        Assert.InRange(Distance(2), 1, 100);
        Assert.InRange(Distance(3), 300, 384);
    }

    private static float[] UnitVector(Random random)
    {
        var vector = Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    private static float[] Mix(float[] a, float[] b, double share)
    {
        var mixed = a.Zip(b, (x, y) => (float)((share * x) + ((1 - share) * y))).ToArray();
        var norm = MathF.Sqrt(mixed.Sum(x => x * x));
        return mixed.Select(x => x / norm).ToArray();
    }
}
