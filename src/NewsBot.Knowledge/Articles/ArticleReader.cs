using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsBot.Knowledge.Articles;

/// <summary>
/// Reads one article file: strict UTF-8, YAML front matter (YamlDotNet) and a Markdown body (Markdig).
/// Never throws on bad content: every problem becomes an <see cref="ArticleProblem"/> with its line.
/// </summary>
internal static class ArticleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] KnownFields = ["title", "url", "published", "updated", "source", "tags", "summary", "id"];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Parses an article; the result's article is null when any error was found.</summary>
    /// <param name="relativePath">Path relative to the knowledge folder with forward slashes (the default id).</param>
    /// <param name="displayPath">Path used in problem messages.</param>
    public static ReadResult Read(byte[] bytes, string relativePath, string displayPath, DateTimeOffset now)
    {
        var problems = new List<ArticleProblem>();
        var hash = Hash(bytes);

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            problems.Add(Error(displayPath, line, $"file is not valid UTF-8 (bad byte near offset {offset}); save it as UTF-8"));
            return new ReadResult(null, problems, hash);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(Error(displayPath, 1, "no front matter: the file must start with a '---' line, then title, url and published, then '---'"));
            return new ReadResult(null, problems, hash);
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (closing < 0)
        {
            problems.Add(Error(displayPath, 1, "front matter is not closed: add a '---' line after the last field"));
            return new ReadResult(null, problems, hash);
        }

        var yamlText = string.Join('\n', lines, 1, closing - 1);
        var fields = ReadFrontMatter(yamlText, displayPath, problems);
        var body = string.Join('\n', lines, closing + 1, lines.Length - closing - 1);
        var bodyFirstLine = closing + 2;
        var blocks = MarkdownBody.Paragraphs(body, bodyFirstLine);
        if (blocks.Count == 0)
        {
            problems.Add(Error(displayPath, Math.Min(bodyFirstLine, lines.Length), "empty body: write at least one paragraph after the front matter"));
        }

        if (fields is null)
        {
            return new ReadResult(null, problems, hash);
        }

        var title = RequiredText(fields, "title", displayPath, problems);
        var url = ReadUrl(fields, displayPath, problems);
        var published = ReadDate(fields, "published", required: true, displayPath, problems, now);
        var updated = ReadDate(fields, "updated", required: false, displayPath, problems, now);
        var source = OptionalText(fields, "source", displayPath, problems);
        var summary = OptionalText(fields, "summary", displayPath, problems);
        var tags = ReadTags(fields, displayPath, problems);
        var id = ReadId(fields, relativePath, displayPath, problems);

        foreach (var (key, field) in fields)
        {
            if (!KnownFields.Contains(key))
            {
                problems.Add(Warning(displayPath, field.Line, $"unknown field '{key}' is ignored (known fields: {string.Join(", ", KnownFields)})"));
            }
        }

        if (problems.Any(p => p.Severity == ProblemSeverity.Error) || title is null || url is null || published is null)
        {
            return new ReadResult(null, problems, hash, Lines(fields));
        }

        var article = new Article(id, relativePath, title, url, published.Value, updated, source, tags, summary, blocks, hash);
        return new ReadResult(article, problems, hash, Lines(fields));
    }

    private static Dictionary<string, int> Lines(Dictionary<string, FrontMatterField> fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value.Line, StringComparer.Ordinal);

    /// <summary>SHA-256 of a file's bytes, lowercase hex: what tells a changed article from a touched one.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Dictionary<string, FrontMatterField>? ReadFrontMatter(string yamlText, string path, List<ArticleProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException ex)
        {
            // The YAML starts on the file's second line.
            problems.Add(Error(path, (int)ex.Start.Line + 1, $"invalid YAML in front matter: {StripPosition(ex.Message)}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's representation model throws this (without a position) for a flow collection
            // such as "tags: [a, b" left open before the next field.
            problems.Add(Error(path, UnclosedFlowLine(yamlText) + 1, $"invalid YAML in front matter: {ex.Message} (is a '[' or '{{' left unclosed?)"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var line = stream.Documents.Count == 0 ? 2 : (int)stream.Documents[0].RootNode.Start.Line + 1;
            problems.Add(Error(path, line, "front matter must be 'key: value' lines (title, url, published, ...)"));
            return null;
        }

        var fields = new Dictionary<string, FrontMatterField>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? string.Empty;
            var line = (int)keyNode.Start.Line + 1;
            if (!fields.TryAdd(key, new FrontMatterField(valueNode, line)))
            {
                problems.Add(Error(path, line, $"field '{key}' is given twice"));
            }
        }

        return fields;
    }

    /// <summary>The 1-based YAML line of the first '[' or '{' that its line does not close, else 1.</summary>
    private static int UnclosedFlowLine(string yamlText)
    {
        var lines = yamlText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Count(c => c is '[' or '{') > line.Count(c => c is ']' or '}'))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static string StripPosition(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 7, Idx: 20) - (Line: 3, Col: 8, Idx: 21): ".
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message[(marker + 3)..] : message;
    }

    private static string? RequiredText(Dictionary<string, FrontMatterField> fields, string key, string path, List<ArticleProblem> problems)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            problems.Add(Error(path, 1, $"missing required field '{key}'"));
            return null;
        }

        var value = Scalar(field, key, path, problems);
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Error(path, field.Line, $"required field '{key}' is empty"));
            return null;
        }

        return value.Trim();
    }

    private static string? OptionalText(Dictionary<string, FrontMatterField> fields, string key, string path, List<ArticleProblem> problems)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return null;
        }

        var value = Scalar(field, key, path, problems);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Warning(path, field.Line, $"field '{key}' is empty; remove it or fill it in"));
            return null;
        }

        return value?.Trim();
    }

    private static string? Scalar(FrontMatterField field, string key, string path, List<ArticleProblem> problems)
    {
        if (field.Node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        problems.Add(Error(path, field.Line, $"field '{key}' must be a single value, not a list or a mapping"));
        return null;
    }

    private static Uri? ReadUrl(Dictionary<string, FrontMatterField> fields, string path, List<ArticleProblem> problems)
    {
        var value = RequiredText(fields, "url", path, problems);
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(url.Host))
        {
            return url;
        }

        problems.Add(Error(path, fields["url"].Line, $"url '{value}' is not an absolute http(s) address (e.g. https://example.org/story)"));
        return null;
    }

    private static DateTimeOffset? ReadDate(
        Dictionary<string, FrontMatterField> fields, string key, bool required, string path, List<ArticleProblem> problems, DateTimeOffset now)
    {
        var value = required ? RequiredText(fields, key, path, problems) : OptionalText(fields, key, path, problems);
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            problems.Add(Error(path, fields[key].Line, $"{key} '{value}' is not a date: use YYYY-MM-DD or an ISO 8601 date-time such as 2024-01-06T14:30:00Z"));
            return null;
        }

        if (date > now.AddDays(1))
        {
            problems.Add(Warning(path, fields[key].Line, $"{key} {value} is in the future"));
        }

        return date;
    }

    private static List<string> ReadTags(Dictionary<string, FrontMatterField> fields, string path, List<ArticleProblem> problems)
    {
        if (!fields.TryGetValue("tags", out var field))
        {
            return [];
        }

        IEnumerable<string?> raw = field.Node switch
        {
            YamlSequenceNode list => list.Children.Select(c => (c as YamlScalarNode)?.Value),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            _ => [null],
        };

        var tags = new List<string>();
        foreach (var tag in raw)
        {
            if (string.IsNullOrWhiteSpace(tag))
            {
                problems.Add(Warning(path, field.Line, "tags holds an empty or nested entry; use a list such as [microsoft, phi]"));
                continue;
            }

            var normalised = string.Join(' ', tag.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (!tags.Contains(normalised))
            {
                tags.Add(normalised);
            }
        }

        return tags;
    }

    private static string ReadId(Dictionary<string, FrontMatterField> fields, string relativePath, string path, List<ArticleProblem> problems)
    {
        var fallback = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath;
        if (!fields.TryGetValue("id", out var idField))
        {
            return fallback;
        }

        var id = OptionalText(fields, "id", path, problems);
        if (id is null)
        {
            return fallback;
        }

        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.'))
        {
            problems.Add(Error(path, idField.Line, $"id '{id}' may only hold letters, digits, '-', '_', '.' and '/'"));
        }

        return id;
    }

    private static ArticleProblem Error(string path, int line, string message) => new(path, line, ProblemSeverity.Error, message);

    private static ArticleProblem Warning(string path, int line, string message) => new(path, line, ProblemSeverity.Warning, message);

    private sealed record FrontMatterField(YamlNode Node, int Line);
}

/// <summary>The outcome of reading one file: the article (null on any error), its problems, and its content hash.</summary>
internal sealed record ReadResult(Article? Article, IReadOnlyList<ArticleProblem> Problems, string ContentHash, IReadOnlyDictionary<string, int>? FieldLines = null)
{
    /// <summary>The 1-based line of a front matter field, or 1 when it is absent.</summary>
    public int LineOf(string field) => FieldLines is not null && FieldLines.TryGetValue(field, out var line) ? line : 1;
}
