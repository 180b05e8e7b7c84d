using System.Text.Json;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// The article a page describes in JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>): the first object typed
/// NewsArticle, Article, BlogPosting or a kin of them, at the top level, in a list or in an <c>@graph</c>.
/// Blocks that are not valid JSON are skipped, as browsers and search engines skip them.
/// </summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? DateModified, string? Publisher, string? Description, string? Url, bool? FreeToRead)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report",
    };

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static JsonLdArticle? Find(IEnumerable<string> blocks)
    {
        foreach (var block in blocks)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(block, Lenient);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                if (Candidates(document.RootElement).FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } article)
                {
                    return From(article);
                }
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Candidates(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var candidate in Candidates(item))
                {
                    yield return candidate;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var candidate in Candidates(graph))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type];
        return types.Exists(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(LastSegment(t.GetString()!)));
    }

    /// <summary>"http://schema.org/NewsArticle" and "schema:NewsArticle" are "NewsArticle".</summary>
    private static string LastSegment(string type) => type[(type.LastIndexOfAny(['/', ':']) + 1)..];

    private static JsonLdArticle From(JsonElement article) => new(
        Text(article, "headline") ?? Text(article, "name"),
        Text(article, "datePublished"),
        Text(article, "dateModified"),
        Name(article, "publisher"),
        Text(article, "description"),
        Text(article, "url") ?? Id(article, "mainEntityOfPage"),
        ReadFreeToRead(article));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? First(value) switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            _ => null,
        } : null;

    /// <summary>A publisher given as a name, or as an Organization with a name (the first of a list).</summary>
    private static string? Name(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var first = First(value);
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => Text(first, "name"),
            _ => null,
        };
    }

    private static string? Id(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "@id") ?? Text(value, "url"),
            _ => null,
        };
    }

    private static bool? ReadFreeToRead(JsonElement element)
    {
        if (!element.TryGetProperty("isAccessibleForFree", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var flag) => flag,
            _ => null,
        };
    }

    private static JsonElement First(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().FirstOrDefault() : value;
}
