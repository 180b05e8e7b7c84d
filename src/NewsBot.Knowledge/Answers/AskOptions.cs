namespace NewsBot.Knowledge.Answers;

/// <summary>How many results to return and how many to skip (for "more").</summary>
/// <param name="Top">Results to return; null means KnowledgeOptions.Top.</param>
public sealed record AskOptions(int? Top = null, int Skip = 0);
