using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Questions;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// Titles and passages read ahead on two threads are kept exactly as reading them one by one keeps them: the same
/// readings under the same keys, the same titles.
/// </summary>
public sealed class FirstReadingsTests : IClassFixture<PassageSearchTests.EditedKnowledge>
{
    private readonly PassageSearchTests.EditedKnowledge _collection;

    public FirstReadingsTests(PassageSearchTests.EditedKnowledge collection) => _collection = collection;

    [Fact]
    public void Read_KeepsEveryPassageAndTitle_AsReadingThemOneByOne()
    {
        using var lease = _collection.Index.Lease();
        var searcher = lease.Searcher;
        var reader = searcher.IndexReader;
        var analyzer = _collection.Index.Analyzer;
        var catalog = ArticleCatalog.Load(searcher);
        var articles = catalog.ById.Values.Select(a => a.Info).OrderBy(a => a.Id, StringComparer.Ordinal).Take(4).ToList();
        var keys = new PassageVectorKeys(reader);
        var passages = articles.SelectMany(a => ArticlePassages.Live(reader, a.Id, keys)).ToList();
        Assert.True(passages.Count > 8, $"{passages.Count} passages");

        var readings = new PassageReadings(analyzer);
        var titles = new ArticleTitles(analyzer);
        new FirstReadings(readings, titles).Read(searcher, new QuestionTerms(reader), articles, catalog.Passages, passages);

        Assert.All(passages, p => Assert.True(readings.Has(p.Key)));
        var alone = new ArticleTitles(analyzer);
        foreach (var article in articles)
        {
            var kept = titles.Get(new QuestionTerms(reader), article, catalog.Passages);
            var fresh = alone.Get(new QuestionTerms(reader), article, catalog.Passages);
            Assert.Equal(fresh.Terms.Order(StringComparer.Ordinal), kept.Terms.Order(StringComparer.Ordinal));
            Assert.Equal(fresh.Names.OrderBy(n => n.Key, StringComparer.Ordinal), kept.Names.OrderBy(n => n.Key, StringComparer.Ordinal));
        }

        foreach (var (doc, key) in passages)
        {
            var kept = readings.Get(searcher, doc, key);
            var fresh = PassageReading.Read(searcher, analyzer, doc);
            Assert.Equal(fresh.Text, kept.Text);
            Assert.Equal(fresh.Sentences, kept.Sentences);
            Assert.Equal(fresh.SentenceTerms, kept.SentenceTerms);
            Assert.Equal(fresh.Facts.Count, kept.Facts.Count);
        }
    }
}
