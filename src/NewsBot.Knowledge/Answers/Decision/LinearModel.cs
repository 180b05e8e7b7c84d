using System.Text.Json.Serialization;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// A linear model over named signals: each signal is standardised with the mean and scale seen when fitting, then
/// weighted. <see cref="Score"/> is the log-odds; <see cref="Probability"/> its logistic.
/// </summary>
internal sealed record LinearModel(
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("mean")] IReadOnlyList<double> Mean,
    [property: JsonPropertyName("scale")] IReadOnlyList<double> Scale,
    [property: JsonPropertyName("weights")] IReadOnlyList<double> Weights,
    [property: JsonPropertyName("bias")] double Bias)
{
    public double Score(ReadOnlySpan<double> features)
    {
        var sum = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            sum += Weights[i] * ((features[i] - Mean[i]) / Scale[i]);
        }

        return sum;
    }

    public double Probability(ReadOnlySpan<double> features) => 1 / (1 + Math.Exp(-Score(features)));

    /// <summary>Throws when the model was fitted on other signals than <paramref name="expected"/>.</summary>
    public void Check(IReadOnlyList<string> expected, string name)
    {
        if (!Features.SequenceEqual(expected) || Mean.Count != Features.Count || Scale.Count != Features.Count || Weights.Count != Features.Count)
        {
            throw new InvalidDataException($"The answer model's {name} was fitted on [{string.Join(", ", Features)}], but the engine computes [{string.Join(", ", expected)}]: refit it (docs/answer-engine.md).");
        }
    }
}
