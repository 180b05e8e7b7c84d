using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Passages;

/// <summary>
/// Cuts an article body into passages: one per paragraph, with paragraphs under <see cref="MinWords"/>
/// merged into their neighbour under the same heading and paragraphs over <see cref="MaxWords"/> split
/// at sentence boundaries, so that each passage can be quoted on its own.
/// </summary>
internal sealed class PassageSplitter(int minWords = PassageSplitter.DefaultMinWords, int maxWords = PassageSplitter.DefaultMaxWords)
{
    public const int DefaultMinWords = 25;
    public const int DefaultMaxWords = 250;

    public int MinWords { get; } = minWords;

    public int MaxWords { get; } = maxWords;

    public List<Passage> Split(IReadOnlyList<ArticleBlock> blocks)
    {
        var merged = new List<(string? Heading, string Text, int Line, int Words)>();
        foreach (var block in blocks)
        {
            var words = WordCount(block.Text);
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var sameSection = last.Heading == block.Heading;
                if (sameSection && (last.Words < MinWords || words < MinWords) && last.Words + words <= MaxWords)
                {
                    merged[^1] = (last.Heading, last.Text + " " + block.Text, last.Line, last.Words + words);
                    continue;
                }
            }

            merged.Add((block.Heading, block.Text, block.Line, words));
        }

        var passages = new List<Passage>();
        foreach (var (heading, text, line, words) in merged)
        {
            if (words <= MaxWords)
            {
                passages.Add(new Passage(passages.Count, heading, text, line));
                continue;
            }

            foreach (var chunk in SplitLong(text))
            {
                passages.Add(new Passage(passages.Count, heading, chunk, line));
            }
        }

        return passages;
    }

    private IEnumerable<string> SplitLong(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var chunk = new List<string>();
        var chunkWords = 0;
        foreach (var sentence in sentences)
        {
            var words = WordCount(sentence);
            if (chunk.Count > 0 && chunkWords + words > MaxWords)
            {
                yield return string.Join(' ', chunk);
                chunk.Clear();
                chunkWords = 0;
            }

            chunk.Add(sentence);
            chunkWords += words;
        }

        if (chunk.Count > 0)
        {
            yield return string.Join(' ', chunk);
        }
    }

    internal static int WordCount(string text) => WordCount(text.AsSpan());

    internal static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }
}
