namespace NewsBot.Knowledge.Passages;

/// <summary>A unit of retrieval: a paragraph (short ones merged, long ones split at sentences).</summary>
/// <param name="Index">0-based position of the passage in its article.</param>
/// <param name="Line">1-based line in the article file where the passage starts.</param>
internal sealed record Passage(int Index, string? Heading, string Text, int Line);
