using System.Buffers.Binary;
using System.Globalization;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Semantic;

/// <summary>How a passage's <see cref="EmbeddingInput.Key"/> is written into the index: 16 bytes of doc values to read
/// it per hit, and hex text to find the passage of a vector.</summary>
internal static class VectorKeys
{
    public static BytesRef ToBytes(UInt128 key)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, key);
        return new BytesRef(bytes);
    }

    public static UInt128 FromBytes(BytesRef bytes) =>
        bytes.Length == 16 ? BinaryPrimitives.ReadUInt128LittleEndian(bytes.Bytes.AsSpan(bytes.Offset, 16)) : UInt128.Zero;

    public static string ToText(UInt128 key) => key.ToString("x32", CultureInfo.InvariantCulture);
}
