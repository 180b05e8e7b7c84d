using NewsBot.Knowledge.Articles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsBot.Knowledge.Curation.Feeds;

/// <summary>
/// Reads <c>knowledge/_feeds.yml</c>:
/// <code>
/// feeds:
///   - url: https://example.org/feed.xml
///     publisher: Example News     # optional: the drafts' source
///     tags: [models, openai]      # optional: the drafts' tags
/// </code>
/// A missing file is an empty list; a broken one throws <see cref="FeedListException"/> naming the line.
/// </summary>
internal static class FeedList
{
    private static readonly string[] Known = ["url", "publisher", "tags"];

    public static List<FeedSource> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var display = KnowledgeFolder.DisplayPath(Path.GetFullPath(path));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new FeedListException($"{display}:{ex.Start.Line}: error: invalid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("feeds"), out var feedsNode))
        {
            throw new FeedListException($"{display}:1: error: the file must start with 'feeds:' and list feeds under it ('- url: https://...')");
        }

        if (feedsNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (feedsNode is not YamlSequenceNode list)
        {
            throw new FeedListException($"{display}:{feedsNode.Start.Line}: error: 'feeds' must be a list of entries, each starting with '- url:'");
        }

        return list.Children.Select(entry => Entry(entry, display)).ToList();
    }

    private static FeedSource Entry(YamlNode node, string display)
    {
        var line = node.Start.Line;
        if (node is not YamlMappingNode entry)
        {
            throw new FeedListException($"{display}:{line}: error: a feed is 'url: https://...' with optional 'publisher:' and 'tags:'");
        }

        string? Scalar(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)
            ? scalar.Value.Trim()
            : null;

        foreach (var key in entry.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty))
        {
            if (!Known.Contains(key))
            {
                throw new FeedListException($"{display}:{line}: error: unknown field '{key}' (known: {string.Join(", ", Known)})");
            }
        }

        var text = Scalar("url") ?? throw new FeedListException($"{display}:{line}: error: a feed needs a 'url'");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FeedListException($"{display}:{line}: error: url '{text}' is not an absolute http(s) address");
        }

        var tags = entry.Children.TryGetValue(new YamlScalarNode("tags"), out var tagsNode) ? Tags(tagsNode) : [];
        return new FeedSource(url, Scalar("publisher"), tags);
    }

    private static List<string> Tags(YamlNode node)
    {
        IEnumerable<string?> raw = node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            _ => [],
        };
        return raw.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim().ToLowerInvariant()).Distinct().ToList();
    }
}
