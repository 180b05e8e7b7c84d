using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Tests.Articles;

public sealed class ArticleProblemTests
{
    [Theory]
    [InlineData("knowledge/2024/a.md", 4, ProblemSeverity.Error, "url is wrong", "knowledge/2024/a.md:4: error: url is wrong")]
    [InlineData("knowledge/2024/a.md", 12, ProblemSeverity.Warning, "unknown field 'x' is ignored", "knowledge/2024/a.md:12: warning: unknown field 'x' is ignored")]
    [InlineData("/tmp/k/b.md", 1, ProblemSeverity.Error, "no front matter", "/tmp/k/b.md:1: error: no front matter")]
    public void ToString_PrintsPathLineSeverityMessage_LikeACompiler(string path, int line, ProblemSeverity severity, string message, string expected)
    {
        Assert.Equal(expected, new ArticleProblem(path, line, severity, message).ToString());
    }
}
