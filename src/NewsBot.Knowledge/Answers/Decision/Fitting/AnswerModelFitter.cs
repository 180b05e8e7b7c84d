using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Knowledge.Answers.Decision.Fitting;

/// <summary>
/// Fits the <see cref="AnswerModel"/> on golden questions:
/// <list type="number">
/// <item>the article ranker as pairwise logistic regression, each expected article against each other candidate,
/// every question weighing the same;</item>
/// <item>the passage ranker the same way within expected articles: passages holding the question's <c>must</c>
/// patterns against the article's other passages;</item>
/// <item>the freshness margin on the rankers' cross-fitted order: the one that puts the most expected articles first,
/// and the widest of those that tie (when the questions cannot tell margins apart, a question's own "now" or "still"
/// is trusted over the ranker's doubt that a newer article is on its topic);</item>
/// <item>the decider as logistic regression on the lead's signals, labelled by whether the lead article is right,
/// from leads chosen by rankers that never saw their question's article (cross-fitting: its confidence is not learnt
/// from leads that are right only because the rankers were fitted on them);</item>
/// <item>the threshold that declines at least 90 % of the unanswerable questions on the same cross-fitted leads and
/// answers the most of the others.</item>
/// </list>
/// </summary>
internal static class AnswerModelFitter
{
    /// <summary>L2 penalty on standardised weights: a few hundred questions fit a dozen signals each, and strong shrinkage
    /// held up best across fold partitions (0.05, 0.3, 1, 3 and 10 were tried; 3 and 10 tied).</summary>
    public const double Penalty = 3;

    /// <summary>The share of unanswerable questions the fitted threshold must decline: the bot's promise is an honest "no".</summary>
    public const double MinAbstention = 0.90;

    private const int InnerFolds = 5;

    /// <summary>The freshness margins tried, narrowest first.</summary>
    internal static readonly double[] Margins = [0, 0.25, 0.5, 1, 1.5, 2, 3];

    public static AnswerModel Fit(IReadOnlyList<FitExample> examples)
    {
        var articleRanker = FitArticleRanker(examples);
        var passageRanker = FitPassageRanker(examples);

        // Leads chosen by rankers fitted without their question's article.
        var folds = Folds(examples, InnerFolds);
        var crossRankers = Enumerable.Range(0, InnerFolds).Select(f =>
        {
            var training = examples.Where((_, i) => folds[i] != f).ToList();
            return (Article: FitArticleRanker(training), Passage: FitPassageRanker(training));
        }).ToArray();
        Selection CrossSelect(int i, double margin) => AnswerSelector.Select(examples[i].Analysis, crossRankers[folds[i]].Article, crossRankers[folds[i]].Passage, null, margin, 1);

        var margin = Margins.MaxBy(m => (examples.Select((e, i) => e.Question.Answerable && CrossSelect(i, m).Lead is { } lead && e.Expected(lead.Article)).Count(right => right), m));
        var leads = examples.Select((_, i) => CrossSelect(i, margin).Lead).ToList();
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (leads[i] is { } lead)
            {
                rows.Add(lead.Signals);
                labels.Add(examples[i].Expected(lead.Article) ? 1 : 0);
            }
        }

        var decider = FitLinear(AnswerFeatures.DecisionNames, rows, labels, Enumerable.Repeat(1.0, rows.Count).ToList(), withBias: true);
        var threshold = Threshold(examples, leads.Select(l => l is null ? 0 : decider.Probability(l.Signals)).ToList(), leads);
        return new AnswerModel(articleRanker, passageRanker, decider, Math.Round(threshold, 3), margin);
    }

    /// <summary>Scores each example with a model fitted on the other folds (<see cref="Folds"/>).</summary>
    /// <param name="fits">Which examples (by index) the folds' models may be fitted on; all when null. Every example is
    /// scored: fitted on the curated collection's questions alone, a model can be scored on the restyled one's.</param>
    public static List<(FitExample Example, Selection Selection)> CrossValidate(IReadOnlyList<FitExample> examples, int folds, string salt = "", Func<int, bool>? fits = null)
    {
        var fold = Folds(examples, folds, salt);
        var selections = new Selection[examples.Count];
        for (var f = 0; f < folds; f++)
        {
            var model = Fit(examples.Where((_, i) => fold[i] != f && (fits is null || fits(i))).ToList());
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] == f)
                {
                    var example = examples[i];
                    selections[i] = AnswerSelector.SelectReading(example.Analysis, () => example.Readings ?? [], reading => AnswerSelector.Select(reading, model));
                }
            }
        }

        return examples.Select((e, i) => (e, selections[i])).ToList();
    }

    /// <summary>
    /// Assigns every example a fold in 0..<paramref name="folds"/>-1 by its <see cref="FitExample.Group"/>: all the
    /// questions of an article share a fold. Groups are spread round-robin in the order of a hash of their key, so the
    /// folds are the same on every run and every machine.
    /// </summary>
    public static int[] Folds(IReadOnlyList<FitExample> examples, int folds, string salt = "")
    {
        var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal)
            .OrderBy(g => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + g))), StringComparer.Ordinal)
            .Select((g, i) => (g, i % folds))
            .ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        return examples.Select(e => groups[e.Group]).ToArray();
    }

    private static LinearModel FitArticleRanker(IReadOnlyList<FitExample> examples) =>
        FitPairwise(
            AnswerFeatures.ArticleNames,
            examples.Where(e => e.Question.Answerable).Select(e =>
            {
                var articles = e.Analysis.Articles;
                return (articles.Where(a => e.Expected(a.Info)).Select(a => AnswerFeatures.Article(a, e.Analysis)).ToList(),
                        articles.Where(a => !e.Expected(a.Info)).Select(a => AnswerFeatures.Article(a, e.Analysis)).ToList());
            }),
            examples.SelectMany(e => e.Analysis.Articles.Select(a => AnswerFeatures.Article(a, e.Analysis))).ToList());

    private static LinearModel FitPassageRanker(IReadOnlyList<FitExample> examples) =>
        FitPairwise(
            AnswerFeatures.PassageNames,
            examples.Where(e => e.Question.Answerable).SelectMany(e => e.Analysis.Articles.Where(a => e.Expected(a.Info)).Select(a =>
                (a.Passages.Where(e.Grounded).Select(p => AnswerFeatures.Passage(p, a, e.Analysis)).ToList(),
                 a.Passages.Where(p => !e.Grounded(p)).Select(p => AnswerFeatures.Passage(p, a, e.Analysis)).ToList()))),
            examples.SelectMany(e => e.Analysis.Articles.SelectMany(a => a.Passages.Select(p => AnswerFeatures.Passage(p, a, e.Analysis)))).ToList());

    /// <summary>
    /// Pairwise logistic regression: every positive against every negative of the same group, the difference of their
    /// standardised signals labelled 1 (and its negation 0), each group weighing the same.
    /// </summary>
    private static LinearModel FitPairwise(string[] names, IEnumerable<(List<double[]> Positives, List<double[]> Negatives)> groups, List<double[]> all)
    {
        var (mean, scale) = Standardisation(all, names.Length);
        var rows = new List<double[]>();
        var labels = new List<double>();
        var weights = new List<double>();
        foreach (var (positives, negatives) in groups)
        {
            if (positives.Count == 0 || negatives.Count == 0)
            {
                continue;
            }

            var weight = 1.0 / (positives.Count * negatives.Count);
            foreach (var positive in positives.Select(p => Standardise(p, mean, scale)))
            {
                foreach (var negative in negatives.Select(n => Standardise(n, mean, scale)))
                {
                    var difference = positive.Zip(negative, (a, b) => a - b).ToArray();
                    rows.Add(difference);
                    labels.Add(1);
                    weights.Add(weight);
                    rows.Add(difference.Select(d => -d).ToArray());
                    labels.Add(0);
                    weights.Add(weight);
                }
            }
        }

        var (fitted, _) = LogisticRegression.Fit(names.Length, rows, labels, weights, Penalty, withBias: false);
        return new LinearModel(names, Round(mean), Round(scale), Round(fitted), 0);
    }

    private static LinearModel FitLinear(string[] names, List<double[]> raw, List<double> labels, List<double> weights, bool withBias)
    {
        var (mean, scale) = Standardisation(raw, names.Length);
        var rows = raw.Select(r => Standardise(r, mean, scale)).ToList();
        var (fitted, bias) = LogisticRegression.Fit(names.Length, rows, labels, weights, Penalty, withBias);
        return new LinearModel(names, Round(mean), Round(scale), Round(fitted), Math.Round(bias, 6));
    }

    /// <summary>
    /// The threshold on confidence that answers the most questions right while declining at least
    /// <see cref="MinAbstention"/> of the unanswerable ones (honesty first); among equals, and when no threshold
    /// declines that many, the one that maximises answer@1 + abstention. Of the thresholds within one answerable
    /// question of the best, the highest: the values are flat over a wide range (0.53 and 0.66 differed by one
    /// question when fitted on both collections), and there the more honest one is kept.
    /// </summary>
    private static double Threshold(IReadOnlyList<FitExample> examples, IReadOnlyList<double> confidences, IReadOnlyList<ArticleChoice?> leads)
    {
        var answerable = Math.Max(examples.Count(e => e.Question.Answerable), 1);
        var unanswerable = Math.Max(examples.Count(e => !e.Question.Answerable), 1);
        var scored = Enumerable.Range(1, 99).Select(t => t / 100.0).Select(t =>
        {
            var right = 0;
            var declined = 0;
            for (var i = 0; i < examples.Count; i++)
            {
                var answers = leads[i] is { } lead && AnswerSelector.WouldAnswer(examples[i].Analysis, lead, confidences[i], t);
                if (examples[i].Question.Answerable)
                {
                    right += answers && examples[i].Expected(leads[i]!.Article) ? 1 : 0;
                }
                else
                {
                    declined += answers ? 0 : 1;
                }
            }

            return (Threshold: t, Value: ((double)right / answerable) + ((double)declined / unanswerable), Abstention: (double)declined / unanswerable);
        }).ToList();
        if (scored.Any(s => s.Abstention >= MinAbstention))
        {
            scored = scored.Where(s => s.Abstention >= MinAbstention).ToList();
        }

        // Honesty first among near equals: the highest threshold within one answerable question of the best.
        var best = scored.Max(s => s.Value);
        return scored.Where(s => s.Value >= best - (1.0 / answerable) - 1e-12).Max(s => s.Threshold);
    }

    private static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<double[]> rows, int size)
    {
        var mean = new double[size];
        var scale = new double[size];
        if (rows.Count == 0)
        {
            Array.Fill(scale, 1);
            return (mean, scale);
        }

        for (var i = 0; i < size; i++)
        {
            mean[i] = rows.Average(r => r[i]);
            var variance = rows.Average(r => (r[i] - mean[i]) * (r[i] - mean[i]));
            scale[i] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return (mean, scale);
    }

    private static double[] Standardise(double[] row, double[] mean, double[] scale) => row.Select((v, i) => (v - mean[i]) / scale[i]).ToArray();

    private static double[] Round(double[] values) => values.Select(v => Math.Round(v, 6)).ToArray();
}
