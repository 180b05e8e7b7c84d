using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>
/// A golden question: <see cref="Expect"/> lists the urls of articles that answer it (empty: it must not be answered);
/// <see cref="Must"/> holds case-insensitive patterns the answering passage must contain (in the syntax Python and
/// .NET share); <see cref="Kind"/> groups questions for per-kind figures ("direct", "paraphrase", "temporal", ...).
/// </summary>
public sealed partial record GoldenQuestion(string Id, string Question, IReadOnlyList<string> Expect)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Must { get; init; } = [];

    /// <summary>The question's kind; "unanswerable" or "answerable" when the file names none.</summary>
    public string Kind { get; init; } = Expect.Count > 0 ? "answerable" : "unanswerable";

    public bool Answerable => Expect.Count > 0;

    /// <summary>True when <paramref name="passage"/> contains every <see cref="Must"/> pattern (always, when there are none).</summary>
    public bool Grounds(string? passage) =>
        passage is not null && Must.All(pattern => Regex.IsMatch(passage, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));

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
                // JSON allows an escaped lone surrogate ("\ud800") that no .NET string may hold: read it as U+FFFD,
                // as a decoder reads a broken character, rather than refusing the whole file.
                parsed = JsonSerializer.Deserialize(LoneSurrogate().Replace(line, "\\ufffd"), GoldenJsonContext.Default.Line);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: not a JSON object: {ex.Message}", ex);
            }

            if (parsed?.Question is not { Length: > 0 } question || parsed.Expect is null)
            {
                throw new FormatException($"{path}:{lineNumber}: each line needs \"question\" and \"expect\" (a list of article urls, [] for unanswerable)");
            }

            var must = parsed.Must ?? [];
            foreach (var pattern in must)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
                }
                catch (ArgumentException ex)
                {
                    throw new FormatException($"{path}:{lineNumber}: \"must\" pattern {pattern} is not a regular expression: {ex.Message}", ex);
                }
            }

            questions.Add(new GoldenQuestion(parsed.Id ?? $"line{lineNumber}", question, parsed.Expect) { Must = must, Kind = parsed.Kind ?? (parsed.Expect.Count > 0 ? "answerable" : "unanswerable") });
        }

        return questions;
    }

    /// <summary>An escaped high surrogate not followed by an escaped low one, or a low one not preceded by a high one.</summary>
    [GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial Regex LoneSurrogate();

    internal sealed record Line(string? Id, string? Question, List<string>? Expect, List<string>? Must, string? Kind);
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GoldenQuestion.Line))]
internal sealed partial class GoldenJsonContext : JsonSerializerContext;
