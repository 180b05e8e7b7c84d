using NewsBot.Knowledge.Answers.Decision.Fitting;

namespace NewsBot.Knowledge.Tests.Answers.Decision;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Fit_RecoversTheWeightsThatGeneratedTheLabels()
    {
        // Labels drawn from p = logistic(2·x0 − 1·x1 + 0.5): a fit on enough rows lands near those weights.
        var random = new Random(7);
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (var i = 0; i < 20_000; i++)
        {
            var x = new[] { (random.NextDouble() * 4) - 2, (random.NextDouble() * 4) - 2 };
            var p = 1 / (1 + Math.Exp(-((2 * x[0]) - x[1] + 0.5)));
            rows.Add(x);
            labels.Add(random.NextDouble() < p ? 1 : 0);
        }

        var (weights, bias) = LogisticRegression.Fit(2, rows, labels, Enumerable.Repeat(1.0, rows.Count).ToList(), penalty: 0, withBias: true);

        Assert.InRange(weights[0], 1.85, 2.15);
        Assert.InRange(weights[1], -1.15, -0.85);
        Assert.InRange(bias, 0.4, 0.6);
    }

    [Fact]
    public void Fit_StaysFinite_WhenTheRowsAreSeparable_ThanksToThePenalty()
    {
        double[][] rows = [[-1.0], [-0.5], [0.5], [1.0]];
        double[] labels = [0, 0, 1, 1];

        var (weights, bias) = LogisticRegression.Fit(1, rows, labels, [1, 1, 1, 1], penalty: 1, withBias: true);

        Assert.True(double.IsFinite(weights[0]) && weights[0] > 0 && weights[0] < 10, $"weight {weights[0]}");
        Assert.True(double.IsFinite(bias));
    }

    [Fact]
    public void Fit_GivesZeroWeightsOfTheRightSize_WhenThereAreNoRows()
    {
        var (weights, bias) = LogisticRegression.Fit(3, [], [], [], penalty: 1, withBias: true);

        Assert.Equal([0.0, 0.0, 0.0], weights);
        Assert.Equal(0, bias);
    }

    [Fact]
    public void Fit_WeighsRowsByTheirWeight()
    {
        // The same point labelled both ways: the heavier label wins.
        double[][] rows = [[1.0], [1.0]];

        var (heavyYes, _) = LogisticRegression.Fit(1, rows, [1, 0], [3, 1], penalty: 0.01, withBias: false);
        var (heavyNo, _) = LogisticRegression.Fit(1, rows, [1, 0], [1, 3], penalty: 0.01, withBias: false);

        Assert.True(heavyYes[0] > 0 && heavyNo[0] < 0);
    }
}
