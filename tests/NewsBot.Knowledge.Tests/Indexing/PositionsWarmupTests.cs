using System.Text.Json;
using Lucene.Net.Index;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Tests.Support;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary>
/// The warm-up also packs the positions of the longest passage-text lists, within a memory budget, so that a
/// question's word pair seldom packs them while the user waits. It may not change an answer.
/// </summary>
public sealed class PositionsWarmupTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public PositionsWarmupTests()
    {
        CommonWordArticles.Write(_knowledge);
    }

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public async Task OpeningTheIndex_PacksTheLongListsPositions_SoPairsPackNone()
    {
        var knowledge = _knowledge.OpenSynced();
        await knowledge.WhenWarmAsync(TestContext.Current.CancellationToken);

        using var lease = knowledge.Lease();
        var segments = lease.Searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader).ToList();
        var longLists = LongTextLists(segments).ToList();
        Assert.True(longLists.Count > 10, $"{longLists.Count} long lists");
        Assert.All(longLists, list => Assert.True(PackedPositions.TryGet(list.Segment, list.Term, out _), $"{list.Term} positions packed"));

        var held = segments.Sum(PackedPositions.BytesIn);
        foreach (var question in CommonWordArticles.Questions)
        {
            knowledge.Ask(question);
        }

        Assert.Equal(held, segments.Sum(PackedPositions.BytesIn));
    }

    [Fact]
    public async Task Answers_AreTheSame_WithAndWithoutPositionsPackedAhead()
    {
        _knowledge.Close(_knowledge.OpenSynced());
        var options = _knowledge.Options;
        options.WarmUpPositionMegabytes = 0;
        var packedByQuestions = _knowledge.Open(options);
        await packedByQuestions.WhenWarmAsync(TestContext.Current.CancellationToken);
        var expected = CommonWordArticles.Questions.Select(q => JsonSerializer.Serialize(packedByQuestions.Ask(q))).ToList();
        _knowledge.Close(packedByQuestions);

        var packedAhead = _knowledge.Open(_knowledge.Options);
        await packedAhead.WhenWarmAsync(TestContext.Current.CancellationToken);
        var answers = CommonWordArticles.Questions.Select(q => JsonSerializer.Serialize(packedAhead.Ask(q))).ToList();

        Assert.Equal(expected, answers);
    }

    [Fact]
    public void TheWarmUp_PacksTheLongestFirst_StopsAtItsBudget_AndFinishesOnALaterPass()
    {
        _knowledge.Close(_knowledge.OpenSynced());

        var options = _knowledge.Options;
        options.WarmUp = false;
        var knowledge = _knowledge.Open(options);
        using var lease = knowledge.Lease();
        var reader = lease.Searcher.IndexReader;
        var segments = reader.Leaves.Select(leaf => leaf.AtomicReader).ToList();
        var longLists = LongTextLists(segments).ToList();

        Assert.Equal(1, PositionsWarmup.PackLongLists(reader, maxBytes: 1, TestContext.Current.CancellationToken));
        var longest = longLists.MaxBy(l => l.DocFreq);
        Assert.True(PackedPositions.TryGet(longest.Segment, longest.Term, out _), $"the longest list ({longest.Term}) packed first");
        Assert.All(segments, s => Assert.False(PackedPositions.IsWarm(s)));
        Assert.Equal(0, PositionsWarmup.PackLongLists(reader, maxBytes: 1, TestContext.Current.CancellationToken));

        var rest = PositionsWarmup.PackLongLists(reader, PositionsWarmup.MaxBytes, TestContext.Current.CancellationToken);
        Assert.Equal(longLists.Count - 1, rest);
        Assert.All(segments, s => Assert.True(PackedPositions.IsWarm(s)));
        Assert.Equal(0, PositionsWarmup.PackLongLists(reader, PositionsWarmup.MaxBytes, TestContext.Current.CancellationToken));
    }

    private static IEnumerable<(AtomicReader Segment, string Term, int DocFreq)> LongTextLists(IEnumerable<AtomicReader> segments)
    {
        foreach (var segment in segments)
        {
            var terms = segment.GetTerms(F.Text)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                if (terms.DocFreq >= PackedPostings.MinDocFreq)
                {
                    yield return (segment, terms.Term.Utf8ToString(), terms.DocFreq);
                }
            }
        }
    }
}
