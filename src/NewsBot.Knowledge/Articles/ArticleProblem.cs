using System.Globalization;

namespace NewsBot.Knowledge.Articles;

/// <summary>How serious a problem in an article is: errors keep the file out of the index.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in an article file, printed like a compiler diagnostic.</summary>
/// <param name="Path">The file's path as the curator would type it (relative to the working directory when possible).</param>
/// <param name="Line">1-based line of the problem in the file.</param>
public sealed record ArticleProblem(string Path, int Line, ProblemSeverity Severity, string Message)
{
    /// <summary><c>path:line: error: message</c> (or <c>warning:</c>).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}");
}
