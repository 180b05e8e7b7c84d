using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsBot.Knowledge.Analysis;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// Chat is typed fast: "antrhopic", "paramters", "gemeni". A question word that no passage holds is read as the
/// collection's word one edit away (a transposition counts as one, the first letter kept) that the most passages
/// hold. Short words ("reset" is one edit from "rest"),
/// numbers and model names are left alone: one edit from a short word is usually another word, and an unknown name
/// ("gpt5") must stay unknown so the question is declined; but a model name whose word was mistyped ("gemeni 2") is
/// read as the collection's joined name one edit away ("gemini2"). Corrections are remembered per index reader: the same
/// typos come back, and the automaton behind a fuzzy lookup costs more than the rest of an answer.
/// </summary>
internal static class TypoCorrection
{
    private const int MinLength = 6;

    /// <summary>Unknown terms remembered per reader, beyond which lookups are not remembered.</summary>
    private const int MaxRemembered = 10_000;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, string?>> Remembered = new();

    /// <summary>Passages a correction must hold, so that a rare word is not taken for the intended one.</summary>
    private const int MinDocFreq = 2;

    /// <returns>Corrected term by unknown term; empty when every term is known.</returns>
    public static Dictionary<string, string> Corrections(IndexReader reader, QuestionTerms lookup, IReadOnlyList<AnalyzedToken> tokens)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        Terms? terms = null;
        // The corrected words by position: a joined name at the next position ("gemeni2") is corrected with its word.
        var correctedWords = new Dictionary<int, string>();
        foreach (var token in tokens)
        {
            var term = token.Term;
            if (!token.SharesPosition && WrittenOut(lookup, term) is { } written)
            {
                corrections[term] = written;
                continue;
            }

            var correctedWord = token.SharesPosition ? correctedWords.GetValueOrDefault(token.Position - 1) : null;
            var joinedToCorrected = correctedWord is not null;
            if (corrections.ContainsKey(term) || (token.SharesPosition && !joinedToCorrected) || lookup.DocFreq(term) > 0
                || (!joinedToCorrected && (term.Length < MinLength || term.Any(char.IsDigit))))
            {
                continue;
            }

            var remembered = Remembered.GetValue(reader.CoreCacheKey, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
            if (!remembered.TryGetValue(term, out var best))
            {
                terms ??= MultiFields.GetTerms(reader, F.Text);
                if (terms is null)
                {
                    break;
                }

                best = (correctedWord is not null ? JoinedCorrection(lookup, token, correctedWord, corrections[correctedWord]) : null) ?? Closest(terms, term);
                if (remembered.Count < MaxRemembered)
                {
                    remembered.TryAdd(term, best);
                }
            }

            if (best is not null)
            {
                corrections[term] = best;
                correctedWords[token.Position] = term;
            }
        }

        return corrections;
    }

    /// <summary>A joined name whose word was corrected ("gemeni2" after "gemeni"), written with the corrected word when
    /// the collection holds that ("gemini2", or "gemini2.0" for a whole-number version).</summary>
    private static string? JoinedCorrection(QuestionTerms lookup, AnalyzedToken joined, string word, string correctedWord)
    {
        if (!joined.Term.StartsWith(word, StringComparison.Ordinal))
        {
            return null;
        }

        var corrected = ModelVersions.WholeVersion(lookup, joined with { Term = correctedWord + joined.Term[word.Length..] }).Term;
        return lookup.DocFreq(corrected) > 0 ? corrected : null;
    }

    /// <summary>"per 1k tokens" as the collection writes it, "per 1,000 tokens": a number of thousands with "k" that no
    /// passage holds, when passages hold it written out.</summary>
    private static string? WrittenOut(QuestionTerms lookup, string term)
    {
        if (term.Length is < 2 or > 4 || term[^1] != 'k' || !term[..^1].All(char.IsAsciiDigit) || lookup.DocFreq(term) > 0)
        {
            return null;
        }

        var written = term[..^1] + ",000";
        return lookup.DocFreq(written) > 0 ? written : null;
    }

    /// <summary>The term one edit away that the most passages hold, or null.</summary>
    private static string? Closest(Terms terms, string term)
    {
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(F.Text, term), 1, 1, transpositions: true);
        string? best = null;
        var bestFreq = MinDocFreq - 1;
        while (fuzzy.MoveNext())
        {
            if (fuzzy.DocFreq > bestFreq)
            {
                (best, bestFreq) = (fuzzy.Term.Utf8ToString(), fuzzy.DocFreq);
            }
        }

        return best;
    }
}
