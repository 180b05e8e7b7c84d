namespace NewsBot.Knowledge.Indexing;

/// <summary>Field names of the Lucene index. Three kinds of documents share it, told apart by <see cref="Kind"/>.</summary>
internal static class IndexFields
{
    public const string Kind = "kind";
    public const string KindArticle = "article";
    public const string KindPassage = "passage";

    /// <summary>A "seen" record: when a url was first indexed. Kept after its article is deleted, so a
    /// moved or re-added article is not announced as new again.</summary>
    public const string KindSeen = "seen";

    public const string Path = "path";
    public const string ArticleId = "articleId";
    public const string Url = "url";
    public const string ContentHash = "hash";
    public const string FirstSeen = "firstSeen";
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Source = "source";
    public const string Summary = "summary";

    /// <summary>The first sentence of the body, for digests of articles without a summary.</summary>
    public const string Lead = "lead";
    public const string TagList = "tagList";
    public const string PassageCount = "passageCount";
    public const string FileSize = "fileSize";
    public const string FileTime = "fileTime";

    // Analyzed fields searched by questions.
    public const string Text = "text";

    /// <summary>What a passage is about: its article's title and tags and its own heading, in one field, so a
    /// question term is looked up in two posting lists per passage instead of four.</summary>
    public const string About = "about";

    /// <summary>What an article is about (title, tags, summary), on the article record only: related articles are
    /// found among the 50,000 records, not the passages.</summary>
    public const string ArticleAbout = "articleAbout";

    /// <summary>The words a passage writes capitalised inside a sentence (names: "Meta", "Llama", "Garante"), analysed
    /// like the text: a term's share of passages holding it here rather than only in the text tells names from
    /// ordinary words, however a question is typed.</summary>
    public const string Names = "names";

    /// <summary>Stored only: the article title on its record, a passage's heading on the passage.</summary>
    public const string Title = "title";
    public const string Heading = "heading";

    public const string PassageIndex = "passageIndex";
    public const string Line = "line";

    public const string SeenUrl = "seenUrl";

    /// <summary>A passage's embedding cache key (<see cref="Semantic.EmbeddingInput.Key"/>): binary doc values and hex terms.</summary>
    public const string VectorKey = "vectorKey";

    /// <summary>Commit user data: bumped whenever analysis or passage rules change, forcing a rebuild.</summary>
    public const string SchemaKey = "schema";
    public const string SchemaVersion = "10";
    public const string LastSyncKey = "lastSync";
}
