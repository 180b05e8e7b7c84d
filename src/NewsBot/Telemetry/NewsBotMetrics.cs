using System.Diagnostics;
using System.Diagnostics.Metrics;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Telemetry;

/// <summary>
/// NewsBot's metrics, on the <see cref="NewsBotTelemetry.Name"/> meter (Prometheus names in brackets):
/// <list type="bullet">
/// <item><c>newsbot.answers</c> by channel and outcome: answered, declined, or newest (a question that asked what is
/// new got the newest articles) (<c>newsbot_answers_total</c>);</item>
/// <item><c>newsbot.answer.duration</c>: question in, reply sent, seconds (<c>newsbot_answer_duration_seconds</c>);</item>
/// <item><c>newsbot.answer.confidence</c>: the answer engine's confidence, 0 to 1;</item>
/// <item><c>newsbot.sync.duration</c> (seconds) and the gauges <c>newsbot.articles</c> and <c>newsbot.embedding.backlog</c>
/// (passages still without a vector);</item>
/// <item><c>newsbot.digest.deliveries</c> by outcome, <c>newsbot.digest.failures</c> by kind and HTTP status,
/// <c>newsbot.digest.throttled</c> (429s), <c>newsbot.digest.duplicates</c> (sent, but another replica had recorded the
/// window first);</item>
/// <item><c>newsbot.slack.events</c> and <c>newsbot.slack.duplicates</c> (an event id already accepted, by any replica).</item>
/// </list>
/// </summary>
public sealed class NewsBotMetrics
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] ConfidenceBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1];

    private readonly Meter _meter;
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _answerDuration;
    private readonly Histogram<double> _confidence;
    private readonly Histogram<double> _syncDuration;
    private readonly Counter<long> _digestDeliveries;
    private readonly Counter<long> _digestFailures;
    private readonly Counter<long> _digestThrottled;
    private readonly Counter<long> _digestDuplicates;
    private readonly Counter<long> _slackEvents;
    private readonly Counter<long> _slackDuplicates;

    public NewsBotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(NewsBotTelemetry.Name);
        _answers = _meter.CreateCounter<long>("newsbot.answers", "{answer}", "Questions answered or declined, by channel");
        _answerDuration = _meter.CreateHistogram<double>("newsbot.answer.duration", "s", "From the question to the reply sent", tags: null, advice: Buckets(SecondsBuckets));
        _confidence = _meter.CreateHistogram<double>("newsbot.answer.confidence", "1", "The answer engine's confidence in its best passage", tags: null, advice: Buckets(ConfidenceBuckets));
        _syncDuration = _meter.CreateHistogram<double>("newsbot.sync.duration", "s", "One sync of the knowledge folder into the index", tags: null, advice: Buckets(SecondsBuckets));
        _digestDeliveries = _meter.CreateCounter<long>("newsbot.digest.deliveries", "{delivery}", "Digest deliveries by outcome");
        _digestFailures = _meter.CreateCounter<long>("newsbot.digest.failures", "{failure}", "Failed digest sends by kind and HTTP status");
        _digestThrottled = _meter.CreateCounter<long>("newsbot.digest.throttled", "{response}", "Digest sends answered 429 Too Many Requests");
        _digestDuplicates = _meter.CreateCounter<long>("newsbot.digest.duplicates", "{delivery}", "Digests sent for a window another replica had already recorded");
        _slackEvents = _meter.CreateCounter<long>("newsbot.slack.events", "{event}", "Slack events received that ask the bot something");
        _slackDuplicates = _meter.CreateCounter<long>("newsbot.slack.duplicates", "{event}", "Slack events whose id was already accepted (a retry, or the same event at another replica)");
    }

    /// <summary>Reports the collection's size and the embedding backlog whenever metrics are collected.</summary>
    public void ObserveKnowledge(Func<KnowledgeStats> stats)
    {
        _meter.CreateObservableGauge("newsbot.articles", () => stats().Articles, "{article}", "Articles served");
        _meter.CreateObservableGauge("newsbot.embedding.backlog", () => stats().Vectors is { } vectors ? Math.Max(vectors.Total - vectors.Ready, 0) : 0, "{passage}", "Passages waiting for their vector");
    }

    public void Answered(string channel, Answer answer, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var outcome = answer.AsksForNews ? "newest" : answer.Answered ? "answered" : "declined";
        var tags = new TagList { { "newsbot.channel", channel }, { "newsbot.outcome", outcome } };
        _answers.Add(1, tags);
        _answerDuration.Record(duration.TotalSeconds, tags);
        if (!answer.AsksForNews)
        {
            // A list of the newest articles weighs no passage: it has no confidence to record.
            _confidence.Record(answer.Confidence, new KeyValuePair<string, object?>("newsbot.channel", channel));
        }
    }

    public void Synced(TimeSpan duration, bool wholeFolder) =>
        _syncDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("newsbot.sync.scope", wholeFolder ? "folder" : "paths"));

    /// <param name="outcome">sent, empty, retrying, paused, skipped or failed.</param>
    public void DigestDelivered(string outcome) => _digestDeliveries.Add(1, new KeyValuePair<string, object?>("newsbot.outcome", outcome));

    /// <param name="kind">transient, gone or permanent.</param>
    public void DigestFailed(string kind, int? status)
    {
        var tags = new TagList { { "newsbot.failure", kind } };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        _digestFailures.Add(1, tags);
        if (status == 429)
        {
            _digestThrottled.Add(1);
        }
    }

    public void DigestDuplicate() => _digestDuplicates.Add(1);

    private static InstrumentAdvice<double> Buckets(double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    public void SlackEvent(bool duplicate)
    {
        _slackEvents.Add(1);
        if (duplicate)
        {
            _slackDuplicates.Add(1);
        }
    }
}
