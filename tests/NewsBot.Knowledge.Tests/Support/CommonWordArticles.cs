using System.Globalization;

namespace NewsBot.Knowledge.Tests.Support;

/// <summary>
/// 600 articles sharing a small vocabulary: in each segment (a sync writes one per indexing thread) most words are held
/// by well over 128 passages, the length from which posting lists and positions are packed; each article also has
/// words of its own.
/// </summary>
internal static class CommonWordArticles
{
    /// <summary>Questions over the shared words, with neighbouring words for proximity pairs.</summary>
    public static readonly string[] Questions =
    [
        "Which open weights model release came with a commercial licence?",
        "What did the research lab say about training data and safety rules?",
        "model release price",
        "open weights licence",
    ];

    public static void Write(TestKnowledge knowledge)
    {
        var words = "model release open weights licence commercial research lab training data safety rules price chip".Split(' ');
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            var sentence = string.Join(' ', Enumerable.Range(0, 14).Select(_ => words[random.Next(words.Length)]));
            knowledge.Write(
                $"a{i:000}.md",
                ArticleText.Create(
                    $"Article {i} about {words[i % words.Length]} {words[(i + 3) % words.Length]}",
                    $"https://example.com/a{i}",
                    new DateTime(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    [$"The {sentence} word{i}.", $"Later the {words[(i + 5) % words.Length]} {words[(i + 7) % words.Length]} news said more about item{i}."],
                    tags: $"[{words[i % words.Length]}]"));
        }
    }
}
