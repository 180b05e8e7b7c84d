namespace NewsBot.Knowledge.Answers.Decision.Fitting;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares): a dozen
/// signals and a few thousand weighted rows converge in under ten steps, exactly, with no learning rate to tune.
/// </summary>
internal static class LogisticRegression
{
    private const int MaxSteps = 50;

    /// <param name="features">Signals per row: the weights returned, zero when there are no rows.</param>
    /// <param name="rows">Standardised signals, one array per row.</param>
    /// <param name="labels">1 or 0 per row.</param>
    /// <param name="rowWeights">Each row's weight (questions weigh the same however many rows they give).</param>
    /// <param name="penalty">L2 penalty on the weights (not on the bias), in units of total row weight.</param>
    /// <returns>The weights, and the bias (0 when <paramref name="withBias"/> is false).</returns>
    public static (double[] Weights, double Bias) Fit(int features, IReadOnlyList<double[]> rows, IReadOnlyList<double> labels, IReadOnlyList<double> rowWeights, double penalty, bool withBias)
    {
        var size = features + (withBias ? 1 : 0);
        var beta = new double[size];
        if (rows.Count == 0)
        {
            return (new double[features], 0);
        }

        var totalWeight = rowWeights.Sum();
        var lambda = penalty * totalWeight / rows.Count;
        for (var step = 0; step < MaxSteps; step++)
        {
            var gradient = new double[size];
            var hessian = new double[size, size];
            for (var r = 0; r < rows.Count; r++)
            {
                var x = rows[r];
                var z = withBias ? beta[features] : 0;
                for (var i = 0; i < features; i++)
                {
                    z += beta[i] * x[i];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var w = rowWeights[r];
                var residual = w * (labels[r] - p);
                var curvature = w * p * (1 - p);
                for (var i = 0; i < size; i++)
                {
                    var xi = i < features ? x[i] : 1;
                    gradient[i] += residual * xi;
                    for (var j = 0; j <= i; j++)
                    {
                        var xj = j < features ? x[j] : 1;
                        hessian[i, j] += curvature * xi * xj;
                    }
                }
            }

            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    hessian[j, i] = hessian[i, j];
                }

                if (i < features)
                {
                    gradient[i] -= lambda * beta[i];
                    hessian[i, i] += lambda;
                }
                else
                {
                    // A whisker of curvature keeps the bias defined when every label is the same.
                    hessian[i, i] += 1e-9;
                }
            }

            var delta = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < size; i++)
            {
                beta[i] += delta[i];
                change = Math.Max(change, Math.Abs(delta[i]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return (beta[..features], withBias ? beta[features] : 0);
    }

    /// <summary>Solves <c>a · x = b</c> for a symmetric positive definite <paramref name="a"/> (Cholesky).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }
}
