using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsBot.Knowledge.Analysis;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// Which of a question's joined names ("gemma2", "gpt5", "mistral large 2") name a model version. The analyzer joins
/// any word followed by a version-like token, so "openai's 6.6b round" also yields "openai6.6b". A joined term whose
/// version reads as an amount ("6.6b", "385m") names a model only when the collection writes its word with versions
/// too ("Gemma 7B", "Llama 3.1 405B"); one whose version is a plain version ("2", "3.5", "4o") always does. A
/// passage that lacks the asked version is about a sibling model and cannot answer; the other joined terms are
/// dropped from the question.
/// </summary>
internal static class ModelVersions
{
    /// <summary>Splits the question's joined terms into model versions and artefacts of joining.</summary>
    /// <returns>The tokens without the artefacts, the model versions asked about and the artefacts dropped.</returns>
    public static (List<AnalyzedToken> Tokens, HashSet<string> Versions, HashSet<string> Dropped) Of(IndexReader reader, IReadOnlyList<AnalyzedToken> tokens)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<AnalyzedToken>(tokens.Count);
        Terms? terms = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.SharesPosition)
            {
                kept.Add(token);
                continue;
            }

            // The version goes out just before its joined form, at the same position.
            var version = i > 0 && tokens[i - 1].Position == token.Position ? tokens[i - 1].Term : null;
            var name = version is not null && token.Term.EndsWith(version, StringComparison.Ordinal) ? token.Term[..^version.Length] : null;
            terms ??= MultiFields.GetTerms(reader, F.Text);
            if (name is { Length: > 0 } && (!IsAmount(version!) || (terms is not null && HasVersions(terms, name))))
            {
                versions.Add(token.Term);
                kept.Add(token);
            }
            else
            {
                dropped.Add(token.Term);
            }
        }

        return (kept, versions, dropped);
    }

    /// <summary>"6.6b", "385m", "10k": a number with a magnitude.</summary>
    private static bool IsAmount(string version) =>
        version.Length > 1 && (version[^1] is 'b' or 'm' or 'k' or 't') && version[..^1].All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>True when the collection holds the word joined with some version: "gemma" + "7b".</summary>
    private static bool HasVersions(Terms terms, string name)
    {
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(new BytesRef(name)) == TermsEnum.SeekStatus.END)
        {
            return false;
        }

        do
        {
            var term = enumerator.Term.Utf8ToString();
            if (!term.StartsWith(name, StringComparison.Ordinal))
            {
                return false;
            }

            if (term.Length > name.Length && char.IsAsciiDigit(term[name.Length]))
            {
                return true;
            }
        }
        while (enumerator.MoveNext());

        return false;
    }
}
