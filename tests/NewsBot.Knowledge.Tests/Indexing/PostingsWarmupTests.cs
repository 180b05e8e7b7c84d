using System.Text.Json;
using Lucene.Net.Index;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Tests.Support;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary>
/// After the index opens and after each sync, the long posting lists are packed in the background, so a question
/// does not pack them while the user waits. It may not change an answer.
/// </summary>
public sealed class PostingsWarmupTests : IDisposable
{
    private static readonly string[] Questions = CommonWordArticles.Questions;

    private readonly TestKnowledge _knowledge = new();

    public PostingsWarmupTests()
    {
        CommonWordArticles.Write(_knowledge);
    }

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public async Task OpeningTheIndex_PacksItsLongListsInTheBackground_SoQuestionsPackNone()
    {
        var knowledge = _knowledge.OpenSynced();
        await knowledge.WhenWarmAsync(TestContext.Current.CancellationToken);

        using var lease = knowledge.Lease();
        var segments = lease.Searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader).ToList();
        var longLists = LongLists(segments).ToList();
        Assert.True(longLists.Count > 10, $"{longLists.Count} long lists");
        Assert.All(longLists, list => Assert.True(PackedPostings.TryGet(list.Segment, list.Field, list.Term, out _), $"{list.Field}:{list.Term} packed"));

        var held = segments.Sum(PackedPostings.BytesIn);
        foreach (var question in Questions)
        {
            knowledge.Ask(question);
        }

        Assert.Equal(held, segments.Sum(PackedPostings.BytesIn));
    }

    [Fact]
    public async Task Answers_AreTheSame_WithAndWithoutTheWarmUp()
    {
        var cold = _knowledge.OpenSynced();
        var expected = Questions.Select(q => JsonSerializer.Serialize(cold.Ask(q))).ToList();
        _knowledge.Close(cold);

        var warm = _knowledge.Open(_knowledge.Options);
        await warm.WhenWarmAsync(TestContext.Current.CancellationToken);
        var first = Questions.Select(q => JsonSerializer.Serialize(warm.Ask(q))).ToList();
        await warm.WhenWarmAsync(TestContext.Current.CancellationToken);
        var again = Questions.Select(q => JsonSerializer.Serialize(warm.Ask(q))).ToList();

        Assert.Equal(expected, first);
        Assert.Equal(expected, again);
    }

    [Fact]
    public void TheWarmUp_StopsAtItsMemoryBudget_AndFinishesOnALaterPass()
    {
        _knowledge.Close(_knowledge.OpenSynced());

        var options = _knowledge.Options;
        options.WarmUp = false;
        var knowledge = _knowledge.Open(options);
        using var lease = knowledge.Lease();
        var reader = lease.Searcher.IndexReader;
        var segments = reader.Leaves.Select(leaf => leaf.AtomicReader).ToList();

        Assert.Equal(1, PostingsWarmup.PackLongLists(reader, maxBytes: 1, TestContext.Current.CancellationToken));
        Assert.All(segments, s => Assert.False(PackedPostings.IsWarm(s, F.Text)));

        var rest = PostingsWarmup.PackLongLists(reader, PostingsWarmup.MaxBytes, TestContext.Current.CancellationToken);
        Assert.Equal(LongLists(segments).Count() - 1, rest);
        Assert.All(segments, s => Assert.True(PackedPostings.IsWarm(s, F.Text) && PackedPostings.IsWarm(s, F.About) && PackedPostings.IsWarm(s, F.ArticleAbout)));
        Assert.Equal(0, PostingsWarmup.PackLongLists(reader, PostingsWarmup.MaxBytes, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void DisposingWhileWarmingUp_StopsTheWarmUp()
    {
        _knowledge.Close(_knowledge.OpenSynced());

        var knowledge = _knowledge.Open();
        _knowledge.Close(knowledge);

        var again = _knowledge.Open();
        Assert.True(again.Ask(Questions[0]).Answered || again.Ask(Questions[0]).Closest.Count > 0);
    }

    private static IEnumerable<(AtomicReader Segment, string Field, string Term)> LongLists(IEnumerable<AtomicReader> segments)
    {
        foreach (var segment in segments)
        {
            foreach (var field in new[] { F.Text, F.About, F.ArticleAbout })
            {
                var terms = segment.GetTerms(field)?.GetEnumerator();
                while (terms is not null && terms.MoveNext())
                {
                    if (terms.DocFreq >= PackedPostings.MinDocFreq)
                    {
                        yield return (segment, field, terms.Term.Utf8ToString());
                    }
                }
            }
        }
    }
}
