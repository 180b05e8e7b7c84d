namespace NewsBot.Knowledge.Answers;

/// <summary>How many results to return and how many to skip (for "more").</summary>
/// <param name="Top">Results to return; null means KnowledgeOptions.Top.</param>
/// <param name="Related">Whether to look for related articles (found like Lucene's MoreLikeThis finds them); chat replies that do not show them skip it.</param>
public sealed record AskOptions(int? Top = null, int Skip = 0, bool Related = true);
