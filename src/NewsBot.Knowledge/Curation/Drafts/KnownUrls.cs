using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// The addresses already in the collection or waiting as drafts, with the file that has each: what keeps
/// <c>add</c> and <c>feeds</c> from drafting a story twice. Read from the files, so it also sees articles that do not
/// lint (a draft without a date still claims its url).
/// </summary>
internal sealed class KnownUrls
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public static KnownUrls Scan(string knowledgeRoot)
    {
        var known = new KnownUrls();
        var files = KnowledgeFolder.Files(knowledgeRoot).Select(f => f.FullPath).Concat(CurationFolders.DraftFiles(knowledgeRoot));
        foreach (var path in files)
        {
            if (FrontMatterFields.Read(path, withBody: false)?["url"] is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                known.Add(url, path);
            }
        }

        return known;
    }

    /// <summary>The file (full path) that already has <paramref name="url"/>, or null.</summary>
    public string? Find(Uri url) => _files.TryGetValue(UrlKey.Of(url), out var path) ? path : null;

    public void Add(Uri url, string path) => _files.TryAdd(UrlKey.Of(url), path);
}
