using Lucene.Net.Documents;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>Builds the block of Lucene documents for one article: its passages, then the article record.</summary>
internal static class ArticleDocuments
{
    /// <summary>Separates stored tags: a tag may hold spaces ("open weights"), never a line break.</summary>
    public const char TagSeparator = '\n';

    public static List<Document> Build(Article article, IReadOnlyList<Passage> passages, DateTimeOffset firstSeen, FileStamp stamp = default)
    {
        var documents = new List<Document>(passages.Count + 1);
        var tags = string.Join(' ', article.Tags);
        var titleAndTags = string.Join(". ", article.Title, tags);
        foreach (var passage in passages)
        {
            var vectorKey = EmbeddingInput.Key(EmbeddingInput.For(article.Title, passage.Heading, passage.Text));
            var doc = new Document
            {
                new StringField(F.Kind, F.KindPassage, Field.Store.NO),
                new StringField(F.Path, article.RelativePath, Field.Store.NO),
                new StringField(F.ArticleId, article.Id, Field.Store.YES),
                new SortedDocValuesField(F.ArticleId, new Lucene.Net.Util.BytesRef(article.Id)),
                new TextField(F.Text, passage.Text, Field.Store.YES),
                new TextField(F.Names, CapitalisedWords.Of(passage.Text), Field.Store.NO),
                new TextField(F.About, passage.Heading is null ? titleAndTags : string.Join(". ", article.Title, passage.Heading, tags), Field.Store.NO),
                new Int32Field(F.PassageIndex, passage.Index, Field.Store.YES),
                new StoredField(F.Line, passage.Line),
                new Int64Field(F.Published, article.Published.UtcTicks, Field.Store.YES),
                new NumericDocValuesField(F.Published, article.Published.UtcTicks),
                new StringField(F.VectorKey, VectorKeys.ToText(vectorKey), Field.Store.NO),
                new BinaryDocValuesField(F.VectorKey, VectorKeys.ToBytes(vectorKey)),
            };
            if (passage.Heading is not null)
            {
                doc.Add(new StoredField(F.Heading, passage.Heading));
            }

            documents.Add(doc);
        }

        var record = new Document
        {
            new StringField(F.Kind, F.KindArticle, Field.Store.NO),
            new StringField(F.Path, article.RelativePath, Field.Store.YES),
            new StringField(F.ArticleId, article.Id, Field.Store.YES),
            new SortedDocValuesField(F.ArticleId, new Lucene.Net.Util.BytesRef(article.Id)),
            new TextField(F.ArticleAbout, string.Join(". ", article.Title, tags, article.Summary ?? string.Empty), Field.Store.NO),
            new StringField(F.Url, article.Url.AbsoluteUri, Field.Store.YES),
            new StoredField(F.ContentHash, article.ContentHash),
            new StoredField(F.Title, article.Title),
            new Int64Field(F.Published, article.Published.UtcTicks, Field.Store.YES),
            new NumericDocValuesField(F.Published, article.Published.UtcTicks),
            new Int64Field(F.FirstSeen, firstSeen.UtcTicks, Field.Store.YES),
            new NumericDocValuesField(F.FirstSeen, firstSeen.UtcTicks),
            new StoredField(F.TagList, string.Join(TagSeparator, article.Tags)),
            new StoredField(F.PassageCount, passages.Count),
            new StoredField(F.FileSize, stamp.Size),
            new StoredField(F.FileTime, stamp.LastWriteTicks),
        };
        if (article.Updated is { } updated)
        {
            record.Add(new StoredField(F.Updated, updated.UtcTicks));
        }

        if (article.Source is not null)
        {
            record.Add(new StoredField(F.Source, article.Source));
        }

        if (article.Summary is not null)
        {
            record.Add(new StoredField(F.Summary, article.Summary));
        }

        if (ArticleLead.Of(article) is { } lead)
        {
            record.Add(new StoredField(F.Lead, lead));
        }

        documents.Add(record);
        return documents;
    }

    public static Document Seen(string url, DateTimeOffset firstSeen) => new()
    {
        new StringField(F.Kind, F.KindSeen, Field.Store.NO),
        new StringField(F.SeenUrl, url, Field.Store.YES),
        new StoredField(F.FirstSeen, firstSeen.UtcTicks),
    };
}
