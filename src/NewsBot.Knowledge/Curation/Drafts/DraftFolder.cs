using System.Text.RegularExpressions;
using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// The drafts of a knowledge folder by id ("2024/phi-2-goes-mit": the path under <c>_drafts/</c> without <c>.md</c>,
/// what chat buttons carry). An id never names a file outside <c>_drafts/</c>.
/// </summary>
internal sealed partial class DraftFolder(string knowledgeRoot)
{
    private readonly string _drafts = Path.GetFullPath(CurationFolders.DraftsPath(knowledgeRoot));

    /// <summary>True when <paramref name="fullPath"/> is a Markdown file inside <c>_drafts/</c>.</summary>
    public bool Contains(string fullPath) =>
        fullPath.StartsWith(Path.TrimEndingDirectorySeparator(_drafts) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && fullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file of a draft id, or null for an id that is not one.</summary>
    public string? PathOf(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || !DraftId().IsMatch(id))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(_drafts, id + ".md"));
        return Contains(path) ? path : null;
    }

    public List<Draft> All() => CurationFolders.DraftFiles(knowledgeRoot).Select(Read).OfType<Draft>().ToList();

    /// <summary>The draft in <paramref name="path"/> as far as it can be read, or null without front matter.</summary>
    public Draft? Read(string path)
    {
        var fields = FrontMatterFields.Read(path);
        if (fields is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(_drafts, path).Replace(Path.DirectorySeparatorChar, '/');
        var id = relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relative[..^3] : relative;
        var paragraphs = fields.Paragraphs.Select(p => p.Text).ToList();
        return new Draft(
            id,
            path,
            fields["title"],
            Uri.TryCreate(fields["url"], UriKind.Absolute, out var url) ? url : null,
            PageDate.Parse(fields["published"])?.Value,
            fields["source"],
            fields["summary"],
            paragraphs,
            paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    /// <summary>Removes a year folder left empty by a publish or discard (never <c>_drafts/</c> itself).</summary>
    public void RemoveIfEmpty(string folder)
    {
        if (Path.GetFullPath(folder) != Path.TrimEndingDirectorySeparator(_drafts) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>A year folder and a file name: letters, digits, '-', '_' and '.' only.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex DraftId();
}
