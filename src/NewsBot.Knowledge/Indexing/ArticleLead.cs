using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Indexing;

/// <summary>An article's lead: the first sentence of its first body block, what a digest shows when there is no summary.</summary>
internal static class ArticleLead
{
    /// <summary>A lead longer than this (in characters) is cut at a word and ends with "…": 280.</summary>
    public const int MaxLength = 280;

    /// <summary>The lead of <paramref name="article"/>, or null when its body is empty.</summary>
    public static string? Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var block = article.Blocks.FirstOrDefault(b => !string.IsNullOrWhiteSpace(b.Text));
        if (block is null)
        {
            return null;
        }

        var sentences = SentenceSplitter.Split(block.Text);
        var sentence = sentences.Count > 0 ? sentences[0] : block.Text.Trim();
        return Cut(sentence);
    }

    private static string Cut(string sentence)
    {
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        var head = cut > MaxLength / 2 ? sentence[..cut] : sentence[..(MaxLength - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }
}
