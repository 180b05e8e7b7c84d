using System.Text.Json;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>A retrieval benchmark in BEIR format: corpus.jsonl, queries(.split).jsonl and qrels/split.tsv.</summary>
public sealed record BeirDataset(
    IReadOnlyList<(string Id, string Title, string Text)> Corpus,
    IReadOnlyList<(string Id, string Text)> Queries,
    IReadOnlyDictionary<string, Dictionary<string, int>> Qrels)
{
    public static BeirDataset Load(string directory, string split)
    {
        var corpusPath = Path.Combine(directory, "corpus.jsonl");
        var qrelsPath = Path.Combine(directory, "qrels", split + ".tsv");
        var queriesPath = Path.Combine(directory, $"queries.{split}.jsonl");
        if (!File.Exists(queriesPath))
        {
            queriesPath = Path.Combine(directory, "queries.jsonl");
        }

        foreach (var required in new[] { corpusPath, qrelsPath, queriesPath })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"BEIR dataset file not found: {required}", required);
            }
        }

        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(qrelsPath).Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 3 && int.TryParse(parts[2], out var relevance) && relevance > 0)
            {
                if (!qrels.TryGetValue(parts[0], out var judged))
                {
                    qrels[parts[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                judged[parts[1]] = relevance;
            }
        }

        var corpus = ReadJsonLines(corpusPath)
            .Select(e => (Str(e, "_id"), Str(e, "title"), Str(e, "text")))
            .ToList();
        var queries = ReadJsonLines(queriesPath)
            .Select(e => (Id: Str(e, "_id"), Text: Str(e, "text")))
            .Where(q => qrels.ContainsKey(q.Id))
            .ToList();
        return new BeirDataset(corpus, queries, qrels);
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                using var document = JsonDocument.Parse(line);
                yield return document.RootElement.Clone();
            }
        }
    }

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! :
        element.TryGetProperty(name, out value) ? value.ToString() : string.Empty;
}
