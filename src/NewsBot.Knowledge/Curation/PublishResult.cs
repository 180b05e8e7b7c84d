using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Curation;

/// <summary>What <c>publish</c> did with a draft.</summary>
/// <param name="Path">Where the article now is (full path), when published.</param>
/// <param name="Message">One line: where it went, or why it stayed a draft.</param>
/// <param name="Problems">The draft's lint findings: errors keep it a draft.</param>
public sealed record PublishResult(bool Published, string? Path, string Message, IReadOnlyList<ArticleProblem> Problems);
