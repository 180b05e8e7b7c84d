namespace NewsBot.Knowledge.Semantic;

/// <summary>A question's embedding, quantised like the passages' so a scan compares bytes with bytes.</summary>
internal sealed class QuestionVector
{
    public QuestionVector(float[] vector)
    {
        Quantized = new sbyte[vector.Length];
        Scale = QuantizedVector.Quantize(vector, Quantized);
        Signs = new ulong[(vector.Length + 63) / 64];
        QuantizedVector.SignBits(Quantized, Signs);
    }

    public ulong[] Signs { get; }

    public sbyte[] Quantized { get; }

    public float Scale { get; }

    /// <summary>Cosine with a stored passage vector.</summary>
    public float Cosine(VectorStore store, int row) => QuantizedVector.Dot(store.Vector(row), Quantized) * store.Scale(row) * Scale;
}
