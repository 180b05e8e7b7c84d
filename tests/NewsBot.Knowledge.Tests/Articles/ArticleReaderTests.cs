using System.Security.Cryptography;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Tests.Articles;

public sealed class ArticleReaderTests
{
    private const string RelativePath = "2024/phi-2-mit.md";
    private const string DisplayPath = "knowledge/2024/phi-2-mit.md";

    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A valid article; line numbers in the tests refer to this layout.</summary>
    private static readonly string[] ValidLines =
    [
        "---",                                                            // 1
        "title: \"Microsoft moves Phi-2 to the MIT licence\"",            // 2
        "url: https://example.org/phi-2-mit",                             // 3
        "published: 2024-01-06",                                          // 4
        "source: Example News",                                           // 5
        "---",                                                            // 6
        "Microsoft changed the licence of Phi-2 to the MIT licence.",     // 7
        string.Empty,
    ];

    private static string Valid => string.Join('\n', ValidLines);

    private static ReadResult Read(string text, string relativePath = RelativePath) =>
        ArticleReader.Read(Encoding.UTF8.GetBytes(text), relativePath, DisplayPath, Now);

    /// <summary>The valid article with file line <paramref name="line"/> (1-based) replaced.</summary>
    private static string WithLine(int line, string replacement)
    {
        var lines = (string[])ValidLines.Clone();
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The valid article with <paramref name="extra"/> inserted before file line <paramref name="line"/>.</summary>
    private static string WithInserted(int line, string extra)
    {
        var lines = ValidLines.ToList();
        lines.Insert(line - 1, extra);
        return string.Join('\n', lines);
    }

    private static ArticleProblem SingleError(ReadResult result)
    {
        Assert.Null(result.Article);
        var errors = result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got: " + string.Join(" | ", result.Problems));
        return errors[0];
    }

    [Fact]
    public void Read_ReturnsEveryField_WhenArticleIsValid()
    {
        var text = """
            ---
            title: "Microsoft moves Phi-2 to the MIT licence"
            url: https://example.org/phi-2-mit
            published: 2024-01-06
            updated: 2024-01-10T08:00:00Z
            source: Example News
            tags: [Microsoft, phi, licensing]
            summary: Phi-2 can now be used commercially.
            ---
            Microsoft changed the licence of Phi-2 to the MIT licence.

            Developers noticed the new LICENSE file.
            """;

        var result = Read(text);

        Assert.Empty(result.Problems);
        var article = Assert.IsType<Article>(result.Article);
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", article.Title);
        Assert.Equal(new Uri("https://example.org/phi-2-mit"), article.Url);
        Assert.Equal(new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 8, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.Equal("Example News", article.Source);
        Assert.Equal(["microsoft", "phi", "licensing"], article.Tags);
        Assert.Equal("Phi-2 can now be used commercially.", article.Summary);
        Assert.Equal("2024/phi-2-mit", article.Id);
        Assert.Equal(RelativePath, article.RelativePath);
        Assert.Equal(
            ["Microsoft changed the licence of Phi-2 to the MIT licence.", "Developers noticed the new LICENSE file."],
            article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_LeavesOptionalFieldsEmpty_WhenOnlyRequiredFieldsAreGiven()
    {
        var result = Read("---\ntitle: T\nurl: https://example.org/a\npublished: 2024-01-06\n---\nBody.\n");

        Assert.Empty(result.Problems);
        var article = Assert.IsType<Article>(result.Article);
        Assert.Null(article.Source);
        Assert.Null(article.Summary);
        Assert.Null(article.Updated);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Read_ParsesDateOnlyAsMidnightUtc_WhenPublishedHasNoTime()
    {
        var article = Read(Valid).Article!;

        Assert.Equal(new DateTime(2024, 1, 6, 0, 0, 0, DateTimeKind.Utc), article.Published.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, article.Published.Offset);
    }

    [Theory]
    [InlineData("2024-01-06T14:30:00+02:00", "2024-01-06T12:30:00Z")]
    [InlineData("2024-01-06T14:30:00-05:00", "2024-01-06T19:30:00Z")]
    [InlineData("2024-01-06T14:30:00Z", "2024-01-06T14:30:00Z")]
    [InlineData("2024-01-06T14:30Z", "2024-01-06T14:30:00Z")]
    [InlineData("2024-01-06T14:30:00", "2024-01-06T14:30:00Z")]
    [InlineData("2024-01-06T14:30:00.250Z", "2024-01-06T14:30:00.250Z")]
    [InlineData("2024-01-06 14:30:00", "2024-01-06T14:30:00Z")]
    [InlineData("2024-01-05T23:30:00-01:00", "2024-01-06T00:30:00Z")]
    public void Read_ConvertsDateTimeToUtc_WhenPublishedHasTimeAndOffset(string published, string expectedUtc)
    {
        var result = Read(WithLine(4, $"published: {published}"));

        Assert.Empty(result.Problems);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), result.Article!.Published);
        Assert.Equal(TimeSpan.Zero, result.Article.Published.Offset);
    }

    [Theory]
    [InlineData("tags: [Microsoft, phi, licensing]")]
    [InlineData("tags: Microsoft, phi, licensing")]
    [InlineData("tags: \"microsoft,phi , licensing\"")]
    [InlineData("tags:\n  - microsoft\n  - Phi\n  - licensing")]
    [InlineData("tags: [microsoft, phi, Microsoft, licensing, PHI]")]
    public void Read_ReturnsLowerCaseDistinctTags_WhenTagsAreListOrCommaString(string tags)
    {
        var result = Read(WithInserted(6, tags));

        Assert.Empty(result.Problems);
        Assert.Equal(["microsoft", "phi", "licensing"], result.Article!.Tags);
    }

    [Fact]
    public void Read_WarnsAndKeepsOtherTags_WhenATagIsEmptyOrNested()
    {
        var result = Read(WithInserted(6, "tags: [microsoft, [nested], phi]"));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(6, warning.Line);
        Assert.Equal(["microsoft", "phi"], result.Article!.Tags);
    }

    [Theory]
    [InlineData("2024/phi-2-mit.md", "2024/phi-2-mit")]
    [InlineData("phi.md", "phi")]
    [InlineData("a/b/c/Story.MD", "a/b/c/Story")]
    public void Read_UsesRelativePathWithoutExtensionAsId_WhenIdIsAbsent(string relativePath, string expectedId)
    {
        var article = Read(Valid, relativePath).Article!;

        Assert.Equal(expectedId, article.Id);
        Assert.Equal(relativePath, article.RelativePath);
    }

    [Fact]
    public void Read_UsesExplicitId_WhenIdIsGiven()
    {
        var result = Read(WithInserted(6, "id: phi-2/mit_licence.v1"));

        Assert.Empty(result.Problems);
        Assert.Equal("phi-2/mit_licence.v1", result.Article!.Id);
    }

    [Fact]
    public void Read_ReportsErrorOnIdLine_WhenIdHoldsForbiddenCharacters()
    {
        var error = SingleError(Read(WithInserted(6, "id: phi 2!")));

        Assert.Equal(6, error.Line);
        Assert.Contains("id 'phi 2!'", error.Message);
    }

    [Fact]
    public void Read_ComputesSha256OfBytes_EvenWhenArticleHasErrors()
    {
        var bytes = Encoding.UTF8.GetBytes("no front matter here");

        var result = ArticleReader.Read(bytes, RelativePath, DisplayPath, Now);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.ContentHash);
        Assert.Null(result.Article);
    }

    [Theory]
    [InlineData(2, "title: \"\"", 2, "required field 'title' is empty")]
    [InlineData(2, "title:", 2, "required field 'title' is empty")]
    [InlineData(2, "title: \"   \"", 2, "required field 'title' is empty")]
    [InlineData(2, "# no title", 1, "missing required field 'title'")]
    [InlineData(3, "url:", 3, "required field 'url' is empty")]
    [InlineData(3, "# no url", 1, "missing required field 'url'")]
    [InlineData(4, "published: ''", 4, "required field 'published' is empty")]
    [InlineData(4, "# no date", 1, "missing required field 'published'")]
    public void Read_ReportsErrorOnRightLine_WhenRequiredFieldIsMissingOrEmpty(int line, string replacement, int expectedLine, string expectedMessage)
    {
        var error = SingleError(Read(WithLine(line, replacement)));

        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(expectedMessage, error.Message);
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("/relative")]
    [InlineData("example.org")]
    [InlineData("example.org/story")]
    [InlineData("mailto:news@example.org")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("not a url")]
    public void Read_ReportsErrorOnUrlLine_WhenUrlIsNotAbsoluteHttp(string url)
    {
        var error = SingleError(Read(WithLine(3, $"url: \"{url}\"")));

        Assert.Equal(3, error.Line);
        Assert.Contains("not an absolute http(s) address", error.Message);
        Assert.Contains(url, error.Message);
    }

    [Theory]
    [InlineData("http://example.org/a")]
    [InlineData("https://example.org/a?b=c#d")]
    [InlineData("HTTPS://EXAMPLE.ORG/A")]
    public void Read_AcceptsUrl_WhenUrlIsAbsoluteHttp(string url)
    {
        var result = Read(WithLine(3, $"url: {url}"));

        Assert.Empty(result.Problems);
        Assert.Equal(new Uri(url), result.Article!.Url);
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("yesterday")]
    [InlineData("06/01/2024")]
    [InlineData("2024-02-30")]
    [InlineData("January 6, 2024")]
    [InlineData("2024")]
    public void Read_ReportsErrorOnPublishedLine_WhenDateIsUnparsable(string published)
    {
        var error = SingleError(Read(WithLine(4, $"published: {published}")));

        Assert.Equal(4, error.Line);
        Assert.Contains($"published '{published}' is not a date", error.Message);
    }

    [Fact]
    public void Read_ReportsErrorOnUpdatedLine_WhenUpdatedIsUnparsable()
    {
        var error = SingleError(Read(WithInserted(6, "updated: soon")));

        Assert.Equal(6, error.Line);
        Assert.Contains("updated 'soon' is not a date", error.Message);
    }

    [Fact]
    public void Read_ReportsEveryError_WhenSeveralFieldsAreWrong()
    {
        var text = WithLine(3, "url: ftp://x").Replace("published: 2024-01-06", "published: yesterday", StringComparison.Ordinal);

        var result = Read(text);

        Assert.Null(result.Article);
        Assert.Equal([3, 4], result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line));
    }

    [Theory]
    [InlineData(5, "source: [a, b]", "field 'source' must be a single value")]
    [InlineData(5, "summary:\n  nested: mapping", "field 'summary' must be a single value")]
    public void Read_ReportsErrorOnFieldLine_WhenFieldIsNotASingleValue(int line, string replacement, string expectedMessage)
    {
        var error = SingleError(Read(WithLine(line, replacement)));

        Assert.Equal(line, error.Line);
        Assert.Contains(expectedMessage, error.Message);
    }

    [Theory]
    [InlineData(2, "title: [a, b]")]
    [InlineData(2, "title:\n  nested: mapping")]
    [InlineData(3, "url: [https://example.org/a]")]
    public void Read_ReportsOnlyNotASingleValue_WhenRequiredFieldIsAListOrMapping(int line, string replacement)
    {
        var error = SingleError(Read(WithLine(line, replacement)));

        Assert.Equal(line, error.Line);
        Assert.Contains("must be a single value", error.Message);
    }

    [Fact]
    public void Read_ReportsErrorOnSecondOccurrence_WhenFieldIsGivenTwice()
    {
        var error = SingleError(Read(WithInserted(6, "title: Another title")));

        Assert.Equal(6, error.Line);
    }

    [Theory]
    [InlineData(4, " published: 2024-01-06", 4)]
    [InlineData(4, "published: 2024-01-06: extra", 4)]
    [InlineData(5, "  source: Example News", 5)]
    [InlineData(5, "source: \"unterminated", 5)]
    [InlineData(5, "tags:\n  - microsoft\n - phi", 7)]
    [InlineData(4, "published 2024-01-06", 4)]
    [InlineData(5, "source: @x", 5)]
    public void Read_ReportsYamlErrorOnFileLine_WhenFrontMatterIsInvalidYaml(int line, string replacement, int expectedLine)
    {
        var error = SingleError(Read(WithLine(line, replacement)));

        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith("invalid YAML in front matter: ", error.Message);
        Assert.DoesNotContain("(Line:", error.Message);
    }

    [Theory]
    [InlineData("tags: [microsoft, phi")]
    [InlineData("tags: {microsoft: phi")]
    [InlineData("updated: [2024-01-06")]
    [InlineData("summary: [\"Phi-2\"")]
    public void Read_ReportsYamlErrorWithoutThrowing_WhenFlowCollectionIsNotClosedBeforeTheNextField(string field)
    {
        var result = Read(WithInserted(5, field));

        var error = SingleError(result);
        Assert.StartsWith("invalid YAML in front matter: ", error.Message);
        Assert.InRange(error.Line, 2, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just a paragraph.\n")]
    [InlineData("title: T\nurl: https://example.org/a\npublished: 2024-01-06\n---\nBody.\n")]
    [InlineData("\n---\ntitle: T\n---\nBody.\n")]
    public void Read_ReportsErrorOnLine1_WhenFileHasNoFrontMatter(string text)
    {
        var error = SingleError(Read(text));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("no front matter", error.Message);
    }

    [Theory]
    [InlineData("---\ntitle: T\nurl: https://example.org/a\npublished: 2024-01-06\nBody.\n")]
    [InlineData("---")]
    [InlineData("---\n")]
    public void Read_ReportsErrorOnLine1_WhenFrontMatterIsNotClosed(string text)
    {
        var error = SingleError(Read(text));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("front matter is not closed", error.Message);
    }

    [Fact]
    public void Read_AcceptsThreeDots_WhenTheyCloseFrontMatter()
    {
        var result = Read(WithLine(6, "..."));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Article);
    }

    [Theory]
    [InlineData("---\n---\nBody.\n", 2)]
    [InlineData("---\n- title\n- url\n---\nBody.\n", 2)]
    [InlineData("---\njust text\n---\nBody.\n", 2)]
    public void Read_ReportsError_WhenFrontMatterIsNotKeyValueLines(string text, int expectedLine)
    {
        var error = SingleError(Read(text));

        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith("front matter must be 'key: value' lines", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("## Only a heading\n")]
    [InlineData("<!-- a comment -->\n")]
    public void Read_ReportsEmptyBodyAfterFrontMatter_WhenBodyHasNoParagraph(string body)
    {
        var text = string.Join('\n', ValidLines.Take(6)) + "\n" + body;

        var error = SingleError(Read(text));

        Assert.StartsWith("empty body", error.Message);
        Assert.InRange(error.Line, 6, text.Split('\n').Length);
    }

    [Theory]
    [InlineData(2, "title: \"Microsoft moves Phi-2 \u00FF\"")]
    [InlineData(7, "Microsoft changed the licence \u00C3\u0028 of Phi-2.")]
    [InlineData(7, "Truncated at the end \u00E2\u0082")]
    public void Read_ReportsNotUtf8OnBadLineWithoutThrowing_WhenBytesAreInvalid(int line, string latin1Line)
    {
        // Each char of the Latin-1 string is one byte, so \xFF etc. become raw invalid bytes.
        var lines = (string[])ValidLines.Clone();
        lines[line - 1] = latin1Line;
        var bytes = Encoding.Latin1.GetBytes(string.Join('\n', lines));

        var result = ArticleReader.Read(bytes, RelativePath, DisplayPath, Now);

        var error = SingleError(result);
        Assert.Equal(line, error.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void Read_ReportsNotUtf8_WhenFileIsUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray();

        var result = ArticleReader.Read(bytes, RelativePath, DisplayPath, Now);

        Assert.Null(result.Article);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void Read_AcceptsArticle_WhenFileStartsWithUtf8Bom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        var result = ArticleReader.Read(bytes, RelativePath, DisplayPath, Now);

        Assert.Empty(result.Problems);
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", result.Article!.Title);
    }

    [Fact]
    public void Read_AcceptsArticle_WhenLinesEndWithCrLf()
    {
        var result = Read(Valid.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Empty(result.Problems);
        var article = result.Article!;
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", article.Title);
        Assert.Equal(new Uri("https://example.org/phi-2-mit"), article.Url);
        Assert.DoesNotContain('\r', article.Blocks[0].Text);
    }

    [Fact]
    public void Read_ReportsRightLine_WhenCrLfFileWithBomHasBadUrl()
    {
        var text = WithLine(3, "url: ftp://x").Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var error = SingleError(ArticleReader.Read(bytes, RelativePath, DisplayPath, Now));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Read_WarnsOnFieldLineAndKeepsArticle_WhenFieldIsUnknown()
    {
        var result = Read(WithInserted(5, "author: Jane Doe"));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Line);
        Assert.Contains("unknown field 'author'", warning.Message);
        Assert.NotNull(result.Article);
    }

    [Fact]
    public void Read_WarnsAndKeepsArticle_WhenPublishedIsInTheFuture()
    {
        var result = Read(WithLine(4, "published: 2026-01-01"));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(4, warning.Line);
        Assert.Contains("in the future", warning.Message);
        Assert.NotNull(result.Article);
    }

    [Fact]
    public void Read_WarnsAndDropsField_WhenOptionalFieldIsEmpty()
    {
        var result = Read(WithLine(5, "source: \"\""));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Line);
        Assert.Null(result.Article!.Source);
    }

    [Fact]
    public void Read_FormatsProblemAsPathLineSeverityMessage_WhenUrlIsWrong()
    {
        var error = SingleError(Read(WithLine(3, "url: ftp://x")));

        Assert.Equal(
            "knowledge/2024/phi-2-mit.md:3: error: url 'ftp://x' is not an absolute http(s) address (e.g. https://example.org/story)",
            error.ToString());
    }

    [Fact]
    public void Read_NumbersBodyBlocksWithFileLines_WhenBodyFollowsFrontMatter()
    {
        var text = Valid + "\n## Details\n\nSecond paragraph.\n";

        var blocks = Read(text).Article!.Blocks;

        Assert.Equal([7, 11], blocks.Select(b => b.Line));
        Assert.Equal([null, "Details"], blocks.Select(b => b.Heading));
    }

    [Fact]
    public void Read_NeverThrows_WhenBytesAreRandom()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 4)
            {
                "---\n"u8.CopyTo(bytes);
            }

            var result = ArticleReader.Read(bytes, RelativePath, DisplayPath, Now);

            Assert.Null(result.Article);
            Assert.NotEmpty(result.Problems);
        }
    }
}
