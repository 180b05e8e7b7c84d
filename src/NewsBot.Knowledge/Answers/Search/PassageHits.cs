using Lucene.Net.Search;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// The best passages for a question, best first, and for each which of the question's terms it holds (bit i of
/// its mask is <see cref="MaskedTerms"/>[i]), known for free from the search; null masks when Lucene's own search ran.
/// </summary>
internal sealed record PassageHits(ScoreDoc[] Docs, uint[]? TermMasks, IReadOnlyList<string> MaskedTerms)
{
    /// <summary>At most this many distinct question terms get a bit; coverage of the others is read from postings.</summary>
    public const int MaxMaskedTerms = 31;

    public static PassageHits WithoutMasks(ScoreDoc[] docs) => new(docs, null, []);
}
