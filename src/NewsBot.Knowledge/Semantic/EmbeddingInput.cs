using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// What is embedded for a passage: its article's title, its heading and its text, so that a passage saying
/// "the licence" is found for a question naming the model in the title. Long inputs are cut to
/// <see cref="MaxWords"/> words: the model was trained on 256 word pieces and cannot take more than 512.
/// </summary>
internal static class EmbeddingInput
{
    public const int MaxWords = 200;

    public static string For(string title, string? heading, string text)
    {
        var builder = new StringBuilder(title.Length + (heading?.Length ?? 0) + text.Length + 4);
        builder.Append(title.Trim());
        if (!string.IsNullOrWhiteSpace(heading))
        {
            builder.Append(". ").Append(heading.Trim());
        }

        builder.Append(". ").Append(text.Trim());
        return Truncate(builder.ToString(), MaxWords);
    }

    /// <summary>The cache key of an input: the first 128 bits of its SHA-256, so an unchanged passage is never embedded twice.</summary>
    public static UInt128 Key(string input)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(input), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static string Truncate(string text, int maxWords)
    {
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (!space && !inWord && ++words > maxWords)
            {
                return text[..i].TrimEnd();
            }

            inWord = !space;
        }

        return text;
    }
}
