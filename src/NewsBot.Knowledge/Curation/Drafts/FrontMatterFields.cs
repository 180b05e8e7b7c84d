using System.Text;
using NewsBot.Knowledge.Articles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// The front matter's single-valued fields and the body's paragraphs of an article or draft, read leniently: a draft
/// with errors (no date yet) still has a url, a title and text to show. Validation is <see cref="DraftLint"/>'s job.
/// </summary>
internal sealed record FrontMatterFields(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<ArticleBlock> Paragraphs)
{
    public string? this[string key] => Fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The fields of <paramref name="path"/>, or null when it has no readable front matter.</summary>
    /// <param name="withBody">False skips parsing the body (its paragraphs are then empty).</param>
    public static FrontMatterFields? Read(string path, bool withBody = true)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (closing < 0)
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join('\n', lines, 1, closing - 1)));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode scalar)
                {
                    fields.TryAdd(name.Trim().ToLowerInvariant(), scalar.Value ?? string.Empty);
                }
            }
        }

        if (!withBody)
        {
            return new FrontMatterFields(fields, []);
        }

        var body = string.Join('\n', lines, closing + 1, lines.Length - closing - 1);
        return new FrontMatterFields(fields, MarkdownBody.Paragraphs(body, closing + 2));
    }
}
