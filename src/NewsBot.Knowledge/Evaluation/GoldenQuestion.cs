using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>A golden question: <see cref="Expect"/> lists the urls of articles that answer it; empty means it must not be answered.</summary>
public sealed record GoldenQuestion(string Id, string Question, IReadOnlyList<string> Expect)
{
    public bool Answerable => Expect.Count > 0;

    /// <summary>Reads a JSON-lines file; a bad line throws <see cref="FormatException"/> naming the line.</summary>
    public static List<GoldenQuestion> Load(string path)
    {
        var questions = new List<GoldenQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Line? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, GoldenJsonContext.Default.Line);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: not a JSON object: {ex.Message}", ex);
            }

            if (parsed?.Question is not { Length: > 0 } question || parsed.Expect is null)
            {
                throw new FormatException($"{path}:{lineNumber}: each line needs \"question\" and \"expect\" (a list of article urls, [] for unanswerable)");
            }

            questions.Add(new GoldenQuestion(parsed.Id ?? $"line{lineNumber}", question, parsed.Expect));
        }

        return questions;
    }

    internal sealed record Line(string? Id, string? Question, List<string>? Expect);
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GoldenQuestion.Line))]
internal sealed partial class GoldenJsonContext : JsonSerializerContext;
