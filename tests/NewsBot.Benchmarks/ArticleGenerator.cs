using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Benchmarks;

/// <summary>
/// Makes a large, realistic knowledge folder for the benchmarks out of the shipped articles: each generated
/// article takes its topic (title, summary, tags, headings) from one shipped article and its paragraphs from
/// sentences of that article and of random others, with company and model names and numbers varied per article
/// (consistently within it), so that no two articles are alike but the vocabulary, term statistics and file
/// format are those of the real collection. Deterministic: article <c>i</c> depends only on the seed, <c>i</c>
/// and the shipped articles, so any one of them can be re-rendered on its own.
/// </summary>
internal sealed partial class ArticleGenerator
{
    public const int DefaultSeed = 42;

    /// <summary>Bump when the output changes, so that cached folders are regenerated.</summary>
    private const int FormatVersion = 1;

    private const string CompleteMarker = ".complete";

    /// <summary>Company, product and people names of the shipped articles that an article may swap for others.</summary>
    private static readonly string[] EntityWords =
    [
        "google", "claude", "openai", "microsoft", "gemini", "llama", "anthropic", "phi", "gpt", "mistral", "meta",
        "amazon", "sonnet", "chatgpt", "azure", "grok", "nvidia", "aws", "gemma", "apple", "qwen", "deepseek", "bard",
        "deepmind", "mixtral", "opus", "ignite", "bedrock", "maia", "blackwell", "alibaba", "altman", "musk", "alphabet",
        "cobalt", "devday", "bing", "trainium", "haiku", "copilot", "nadella", "hopper", "xai", "lamda", "colossus",
        "tongyi", "qianwen", "modelscope", "sdxl", "mistralai",
    ];

    private static readonly string[] Onsets = ["b", "br", "c", "d", "dr", "f", "g", "k", "kr", "l", "m", "n", "p", "qu", "r", "s", "st", "t", "tr", "v", "z", "x"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
    private static readonly string[] Codas = ["", "", "n", "r", "l", "x", "s", "m", "th", "nd", "rk"];

    private readonly int _seed;
    private readonly List<SourceArticle> _sources;
    private readonly List<string> _sentences;
    private readonly List<string> _headings;
    private readonly List<string> _outlets;
    private readonly string[] _names;
    private readonly Regex _entities;

    private ArticleGenerator(int seed, List<SourceArticle> sources, string sourcesHash)
    {
        _seed = seed;
        _sources = sources;
        _sentences = sources.SelectMany(s => s.Sections.SelectMany(x => x.Sentences)).ToList();
        _headings = sources.SelectMany(s => s.Sections).Select(x => x.Heading).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        _outlets = sources.Select(s => s.Source).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _names = SyntheticNames(600);
        _entities = new Regex(@"\b(?:" + string.Join('|', EntityWords) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        Fingerprint = sources.Count.ToString(CultureInfo.InvariantCulture) + "-" + sourcesHash;
    }

    /// <summary>Identifies the shipped articles the output is built from (part of the cache key).</summary>
    public string Fingerprint { get; }

    /// <summary>A generator over the repository's shipped articles.</summary>
    public static ArticleGenerator FromShipped(int seed = DefaultSeed) => FromFolder(BenchmarkPaths.ShippedKnowledge, seed);

    public static ArticleGenerator FromFolder(string knowledge, int seed)
    {
        var sources = new List<SourceArticle>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in KnowledgeFolder.Files(knowledge))
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            hash.AppendData(bytes);
            var article = ArticleReader.Read(bytes, file.RelativePath, file.DisplayPath, DateTimeOffset.UtcNow).Article;
            if (article is null)
            {
                continue;
            }

            var sections = article.Blocks
                .GroupBy(b => b.Heading, StringComparer.Ordinal)
                .Select(g => new SourceSection(g.Key, g.SelectMany(b => SentenceSplitter.Split(b.Text)).ToList()))
                .ToList();
            sources.Add(new SourceArticle(article.Title, article.Summary, article.Tags, article.Source, article.Published, sections));
        }

        if (sources.Count == 0)
        {
            throw new InvalidOperationException($"no valid article in {knowledge} to generate from");
        }

        var key = Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
        return new ArticleGenerator(seed, sources, key);
    }

    /// <summary>
    /// The folder of <paramref name="count"/> generated articles under the system temp folder, generated on first
    /// use and reused afterwards (keyed by count, seed, generator version and the shipped articles).
    /// </summary>
    public static string Ensure(int count, int seed = DefaultSeed, TextWriter? log = null)
    {
        var generator = FromShipped(seed);
        var folder = generator.CacheFolder(count);
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var staging = $"{folder}.staging-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        log?.WriteLine($"Generating {count:N0} articles into {folder} ...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        generator.WriteAll(staging, count);
        File.WriteAllText(Path.Combine(staging, CompleteMarker), $"{count} articles, seed {seed}\n");
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            // Another process generated the same folder meanwhile: identical content, keep theirs.
            Directory.Delete(staging, recursive: true);
        }

        log?.WriteLine($"Generated {count:N0} articles in {clock.Elapsed.TotalSeconds:F1} s");
        return folder;
    }

    public string CacheFolder(int count) => BenchmarkPaths.Cache($"articles-n{count}-s{_seed}-v{FormatVersion}-{Fingerprint}");

    public void WriteAll(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var years = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        Parallel.For(0, count, i =>
        {
            var article = Render(i);
            var path = Path.Combine(folder, article.RelativePath);
            var year = article.Published.Year;
            if (years.TryAdd(year, true))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            File.WriteAllText(path, article.Content);
        });
    }

    /// <summary>Renders article <paramref name="index"/>: its path relative to the knowledge folder and the file's text.</summary>
    public GeneratedArticle Render(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var primary = _sources[random.Next(_sources.Count)];

        // Dates: a publication date up to four years before the primary's, and every year in the text moved alike.
        var yearShift = -random.Next(0, 5);
        var published = new DateTimeOffset(primary.Published.Year + yearShift, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 365));
        var variation = new Variation(random, _names, yearShift);

        var title = variation.Apply(_entities, primary.Title);
        var summary = primary.Summary is null ? null : variation.Apply(_entities, primary.Summary);
        var tags = primary.Tags
            .Select(t => variation.Apply(_entities, t, tag: true).ToLowerInvariant().Replace(' ', '-'))
            .Concat(variation.Replacements.Take(2).Select(r => r.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var source = random.Next(4) == 0 ? primary.Source : _outlets[random.Next(_outlets.Count)];

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quote(title)).Append('\n');
        text.Append("url: https://example.com/generated/").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("published: ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (source is not null)
        {
            text.Append("source: ").Append(Quote(source)).Append('\n');
        }

        text.Append("tags: [").Append(string.Join(", ", tags)).Append("]\n");
        if (summary is not null)
        {
            text.Append("summary: ").Append(Quote(summary)).Append('\n');
        }

        text.Append("---\n");

        var used = new HashSet<string>(StringComparer.Ordinal);
        var primaryHeadings = primary.Sections.Select(s => s.Heading).OfType<string>().ToList();
        var primarySentences = primary.Sections.SelectMany(s => s.Sentences).ToList();
        var paragraphs = random.Next(3, 7);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                var heading = p - 1 < primaryHeadings.Count && random.Next(3) > 0 ? primaryHeadings[p - 1] : _headings[random.Next(_headings.Count)];
                text.Append("\n## ").Append(variation.Apply(_entities, heading)).Append('\n');
            }

            text.Append('\n');
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                string sentence;
                var attempts = 0;
                do
                {
                    sentence = random.Next(100) < 60 ? primarySentences[random.Next(primarySentences.Count)] : _sentences[random.Next(_sentences.Count)];
                }
                while (!used.Add(sentence) && ++attempts < 8);

                if (s > 0)
                {
                    text.Append(' ');
                }

                text.Append(variation.Apply(_entities, sentence));
            }

            text.Append('\n');
        }

        var relativePath = string.Create(CultureInfo.InvariantCulture, $"{published.Year}/{index:D6}-{Slug(title)}.md");
        return new GeneratedArticle(relativePath, text.ToString(), published);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Slug(string title)
    {
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length <= 48 ? slug : slug[..48].TrimEnd('-');
    }

    private static string[] SyntheticNames(int count)
    {
        var random = new Random(7);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            var syllables = random.Next(2, 4);
            var name = new StringBuilder();
            for (var i = 0; i < syllables; i++)
            {
                name.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
            }

            name.Append(Codas[random.Next(Codas.Length)]);
            names.Add(char.ToUpperInvariant(name[0]) + name.ToString(1, name.Length - 1));
        }

        return names.Order(StringComparer.Ordinal).ToArray();
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    /// <summary>The names and numbers one article swaps, kept consistent across its title, tags and body.</summary>
    private sealed class Variation(Random random, string[] names, int yearShift)
    {
        private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

        /// <summary>Names this article uses in place of the shipped ones, in order of first use.</summary>
        public List<string> Replacements { get; } = [];

        /// <param name="tag">True for a tag: lower-case names are names there, while in prose "meta" is a word.</param>
        public string Apply(Regex entities, string text, bool tag = false)
        {
            var named = entities.Replace(text, m => tag || m.Value.Any(char.IsUpper) ? Entity(m.Value) : m.Value);
            return Number().Replace(named, m => NumberFor(m.Value));
        }

        private string Entity(string original)
        {
            var key = original.ToLowerInvariant();
            if (!_entities.TryGetValue(key, out var replacement))
            {
                // A quarter of the articles keep a shipped name: real collections mention the big names often.
                replacement = random.Next(4) == 0 ? null : names[random.Next(names.Length)];
                _entities[key] = replacement ?? string.Empty;
                if (replacement is not null)
                {
                    Replacements.Add(replacement);
                }
            }

            if (replacement is not { Length: > 0 })
            {
                return original;
            }

            return original.All(c => !char.IsLetter(c) || char.IsUpper(c)) && original.Length > 1 ? replacement.ToUpperInvariant()
                : original.All(char.IsLower) ? replacement.ToLowerInvariant()
                : replacement;
        }

        private string NumberFor(string original)
        {
            if (_numbers.TryGetValue(original, out var mapped))
            {
                return mapped;
            }

            if (original.Length > 1 && original[0] == '0')
            {
                mapped = original;
            }
            else if (original.Length == 4 && int.TryParse(original, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2030)
            {
                mapped = (year + yearShift).ToString(CultureInfo.InvariantCulture);
            }
            else if (!original.Contains('.', StringComparison.Ordinal))
            {
                var value = long.Parse(original, CultureInfo.InvariantCulture);
                mapped = value <= 31
                    ? random.Next(1, 32).ToString(CultureInfo.InvariantCulture)
                    : Math.Max(1, (long)(value * (0.3 + (random.NextDouble() * 2.7)))).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                var decimals = original.Length - original.IndexOf('.', StringComparison.Ordinal) - 1;
                var value = double.Parse(original, CultureInfo.InvariantCulture) * (0.3 + (random.NextDouble() * 2.7));
                mapped = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            _numbers[original] = mapped;
            return mapped;
        }
    }

    private sealed record SourceArticle(string Title, string? Summary, IReadOnlyList<string> Tags, string? Source, DateTimeOffset Published, List<SourceSection> Sections);

    private sealed record SourceSection(string? Heading, List<string> Sentences);
}

/// <summary>One generated article file.</summary>
internal sealed record GeneratedArticle(string RelativePath, string Content, DateTimeOffset Published);
