using System.Globalization;
using System.Text;
using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// Writes a draft to <c>_drafts/&lt;year&gt;/&lt;slug&gt;.md</c>: front matter in the order curators know from
/// docs/articles.md, every text value quoted, then the Markdown body. A field the page did not give is written empty
/// with a comment, so that the curator sees where it goes and <c>lint</c> names it.
/// </summary>
internal static class DraftWriter
{
    /// <summary>Writes the draft under a name no other draft or article of that year has, and returns its full path.</summary>
    /// <param name="now">For the year folder of a draft without a date.</param>
    public static string Write(string knowledgeRoot, DraftContent draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var year = (draft.Published?.Value ?? now).Year.ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(CurationFolders.DraftsPath(knowledgeRoot), year);
        Directory.CreateDirectory(folder);
        var slug = Slug.From(draft.Title ?? draft.Url.Segments.LastOrDefault());
        var text = Text(draft);
        for (var n = 1; ; n++)
        {
            var name = (n == 1 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}")) + ".md";
            var path = Path.Combine(folder, name);
            if (File.Exists(Path.Combine(knowledgeRoot, year, name)))
            {
                continue;
            }

            try
            {
                // CreateNew: a draft written at the same moment under the same name is never overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken: try the next number.
            }
        }
    }

    public static string Text(DraftContent draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(draft.Title is null ? "\"\"  # not found on the page: write the headline" : YamlText.Quote(draft.Title)).Append('\n');
        text.Append("url: ").Append(draft.Url.AbsoluteUri).Append('\n');
        text.Append("published: ").Append(draft.Published is { } published ? published.Format() : "\"\"  # not found on the page: the date of the story, YYYY-MM-DD").Append('\n');
        if (draft.Updated is { } updated && draft.Published is { } first && updated.Value.Date > first.Value.Date)
        {
            text.Append("updated: ").Append(updated.Format()).Append('\n');
        }

        if (draft.Source is not null)
        {
            text.Append("source: ").Append(YamlText.Quote(draft.Source)).Append('\n');
        }

        if (draft.Tags.Count > 0)
        {
            text.Append("tags: [").Append(string.Join(", ", draft.Tags.Select(YamlText.Quote))).Append("]\n");
        }

        if (draft.Summary is not null)
        {
            text.Append("summary: ").Append(YamlText.Quote(draft.Summary)).Append('\n');
        }

        text.Append("---\n");
        text.Append(MarkdownText.Render(draft.Blocks)).Append('\n');
        return text.ToString();
    }
}
