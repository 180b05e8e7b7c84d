namespace NewsBot.Knowledge.Tests.Support;

/// <summary>Builds the text of an article file: YAML front matter, then paragraphs.</summary>
internal static class ArticleText
{
    public static string Create(
        string title,
        string url,
        string published,
        IEnumerable<string> paragraphs,
        string? source = "Example News",
        string? tags = null,
        string? id = null,
        string? summary = null)
    {
        var front = new StringBuilder();
        front.Append("---\n");
        front.Append($"title: \"{title}\"\n");
        front.Append($"url: {url}\n");
        front.Append($"published: {published}\n");
        if (source is not null)
        {
            front.Append($"source: {source}\n");
        }

        if (tags is not null)
        {
            front.Append($"tags: {tags}\n");
        }

        if (id is not null)
        {
            front.Append($"id: {id}\n");
        }

        if (summary is not null)
        {
            front.Append($"summary: \"{summary}\"\n");
        }

        front.Append("---\n");
        front.Append(string.Join("\n\n", paragraphs));
        front.Append('\n');
        return front.ToString();
    }

    public static string Create(string title, string url, string published, params string[] paragraphs) =>
        Create(title, url, published, (IEnumerable<string>)paragraphs);
}
