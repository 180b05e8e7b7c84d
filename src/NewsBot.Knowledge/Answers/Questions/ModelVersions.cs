using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsBot.Knowledge.Analysis;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// Which of a question's joined names ("gemma2", "gpt5", "mistral large 2") name a model version. The analyzer joins
/// any word followed by a version-like token, so "openai's 6.6b round" also yields "openai6.6b". A joined term whose
/// version reads as an amount ("6.6b", "385m") names a model only when the collection writes its word with versions
/// too ("Gemma 7B", "Llama 3.1 405B"). One whose version is a plain version ("2", "3.5", "4o") names a model unless
/// its word is one the collection writes in lower case ("more than 3.5", "version 2"): the collection writes the word
/// (or the word before it: "Mistral Large 2") as a name, or does not know the word at all (a model it never covered).
/// Whether the collection holds the joined term says nothing: it joins words with versions the same way ("more than
/// 1.5 million" holds "than1.5"). A
/// passage that lacks the asked version is about a sibling model and cannot answer; the other joined terms are
/// dropped from the question.
/// </summary>
internal static class ModelVersions
{
    /// <summary>The fewest letters of a family word read as the plain name of its first model.</summary>
    private const int MinFamilyLetters = 3;

    /// <summary>Magnitude words as the analyzer leaves them.</summary>
    private static readonly HashSet<string> Magnitudes = new(StringComparer.Ordinal) { "thousand", "million", "billion", "trillion", "percent" };

    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Splits the question's joined terms into model versions and artefacts of joining.</summary>
    /// <param name="text">The text <paramref name="tokens"/> were read from (their offsets point into it).</param>
    /// <returns>The tokens without the artefacts, the model versions asked about, the artefacts dropped, and the terms
    /// read as the collection writes them ("gemini1" → "gemini1.0" and "1" → "1.0"; "pro1.5" → "gemini1.5"), for the
    /// search to look for the same words the tokens weigh.</returns>
    public static (List<AnalyzedToken> Tokens, HashSet<string> Versions, HashSet<string> Dropped, Dictionary<string, string> Written) Of(QuestionTerms lookup, string text, IReadOnlyList<AnalyzedToken> tokens)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
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

            var (version, name) = JoinedParts(tokens, i);
            terms ??= MultiFields.GetTerms(lookup.Reader, F.Text);
            if (name is { Length: > 0 } && !BeforeMagnitude(tokens, i) && (IsAmount(version!) ? terms is not null && HasVersions(terms, name) : NamesAModel(lookup, tokens, i)))
            {
                // A joined form the collection never writes may be a model it does cover, typed another way.
                if (lookup.DocFreq(token.Term) == 0 && lookup.DocFreq(token.Term + ".0") == 0)
                {
                    if (IsFirstOfFamily(lookup, terms, name, version!))
                    {
                        // The question means the family's first model, written without a number: "llama 1" is LLaMA.
                        dropped.Add(token.Term);
                        kept.RemoveAll(t => t.Position == token.Position && t.Term == version);
                        continue;
                    }

                    if (QualifierFirst(lookup, text, tokens, i, version!) is { } qualified)
                    {
                        written[token.Term] = qualified;
                        token = token with { Term = qualified };
                    }
                    else if (QualifierWithoutFamily(lookup, terms, text, tokens, i, version!))
                    {
                        // "sonnet 3.7": the articles' "Claude 3.7 Sonnet"; a passage must name the version, as for any model.
                        dropped.Add(token.Term);
                        versions.Add(version!);
                        continue;
                    }
                }

                var whole = WholeVersion(lookup, token);
                if (whole.Term != token.Term)
                {
                    // The bare version as the collection writes it too: "1" alone matches every "1 million" of the
                    // articles about Gemini 1.5, "1.0" only Gemini 1.0.
                    written[token.Term] = whole.Term;
                    var at = kept.FindIndex(t => t.Position == token.Position && t.Term == version);
                    if (at >= 0)
                    {
                        written[version!] = version + ".0";
                        kept[at] = kept[at] with { Term = version + ".0" };
                    }
                }

                versions.Add(whole.Term);
                kept.Add(whole);
            }
            else
            {
                dropped.Add(token.Term);
            }
        }

        return (kept, versions, dropped, written);
    }

    /// <summary>The version and the word of the joined term at <paramref name="at"/> ("gemini1.5": "1.5" and "gemini"):
    /// the analyzer puts the version out just before its joined form, at the same position. Null where the token before
    /// is not that version.</summary>
    private static (string? Version, string? Name) JoinedParts(IReadOnlyList<AnalyzedToken> tokens, int at)
    {
        var joined = tokens[at];
        var version = at > 0 && tokens[at - 1].Position == joined.Position ? tokens[at - 1].Term : null;
        return (version, version is not null && joined.Term.EndsWith(version, StringComparison.Ordinal) ? joined.Term[..^version.Length] : null);
    }

    /// <summary>Whether the joined term at <paramref name="at"/>, whose version is a plain one, names a model: its
    /// word (analysed, two tokens back) is a name in the collection or unknown there, or is sometimes capitalised there
    /// and follows a name.</summary>
    private static bool NamesAModel(QuestionTerms lookup, IReadOnlyList<AnalyzedToken> tokens, int at)
    {
        var word = Before(tokens, at, tokens[at].Position - 1);
        if (word is null || lookup.NameShare(word.Value.Term) is not { } share || share >= QuestionWeights.NameShare)
        {
            return true;
        }

        // A word the collection sometimes capitalises ("Large" in "Mistral Large"), after a name. The word before must be
        // a word: in "mistral 7b really 7", "7b" is a version, not the start of a name.
        return share > 0 && Before(tokens, at, word.Value.Position - 1) is { } previous && !previous.Term.Any(char.IsAsciiDigit)
            && lookup.NameShare(previous.Term) >= QuestionWeights.NameShare;
    }

    /// <summary>The last token before <paramref name="at"/> at <paramref name="position"/> that is a word, not a joined form.</summary>
    private static AnalyzedToken? Before(IReadOnlyList<AnalyzedToken> tokens, int at, int position)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            if (tokens[i].Position == position && !tokens[i].SharesPosition)
            {
                return tokens[i];
            }

            if (tokens[i].Position < position)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>"gemini 2" as the collection writes it, "Gemini 2.0": a whole-number version the collection only holds
    /// with ".0".</summary>
    public static AnalyzedToken WholeVersion(QuestionTerms lookup, AnalyzedToken joined) =>
        char.IsAsciiDigit(joined.Term[^1]) && !joined.Term.Contains('.', StringComparison.Ordinal) && lookup.DocFreq(joined.Term) == 0 && lookup.DocFreq(joined.Term + ".0") > 0
            ? joined with { Term = joined.Term + ".0" }
            : joined;

    /// <summary>"gemini pro 1.5", "claude sonnet 3.5": a qualifier typed before the version, where the collection writes
    /// it after ("Gemini 1.5 Pro", "Claude 3.5 Sonnet"). When the collection never writes the qualifier with that
    /// version but does write the word before the qualifier with it, the version is that word's ("gemini1.5"), and the
    /// qualifier stays a word of the question. "mistral large 2" stays "large2" when no "Mistral 2" exists: a model
    /// the collection does not cover.</summary>
    /// <returns>The word's joined form, or null when the collection does not write it.</returns>
    private static string? QualifierFirst(QuestionTerms lookup, string text, IReadOnlyList<AnalyzedToken> tokens, int at, string version)
    {
        if (Before(tokens, at, tokens[at].Position - 1) is not { } qualifier || lookup.DocFreq(qualifier.Term) == 0
            || Before(tokens, at, qualifier.Position - 1) is not { } name)
        {
            return null;
        }

        var written = Typed(text, name) + version;
        return written.Length > version.Length && (lookup.DocFreq(written) > 0 || lookup.DocFreq(written + ".0") > 0) ? written : null;
    }

    /// <summary>A word as typed, lower case: joined forms are built before stemming ("claude3.5", not "claud3.5").</summary>
    private static string Typed(string text, AnalyzedToken token)
    {
        var typed = text.AsSpan(token.StartOffset);
        var length = typed.IndexOfAnyExcept(Letters);
        return (length < 0 ? typed : typed[..length]).ToString().ToLowerInvariant();
    }

    /// <summary>"sonnet 3.7", "flash 1.5": a qualifier typed before the version, without the family name the articles
    /// put first ("Claude 3.7 Sonnet", "Gemini 1.5 Flash"). When the collection never joins the word with the version
    /// but does write the version followed by the word, the question names that model by its version: a passage must
    /// name the version. "gpt 5" and "claude 4" stay models the collection does not cover: "GPT" and "Claude" are
    /// written with versions of their own, so they are families, whatever words follow a "5" or a "4" somewhere.</summary>
    private static bool QualifierWithoutFamily(QuestionTerms lookup, Terms? terms, string text, IReadOnlyList<AnalyzedToken> tokens, int at, string version)
    {
        if (terms is null || lookup.DocFreq(version) == 0 || Before(tokens, at, tokens[at].Position - 1) is not { } qualifier
            || HasVersions(terms, Typed(text, qualifier)))
        {
            // A word the collection writes with versions of its own ("claude" in "claude 4") is a family, not a qualifier.
            return false;
        }

        var phrase = new PhraseQuery { new Term(F.Text, version), new Term(F.Text, qualifier.Term) };
        return new IndexSearcher(lookup.Reader).Search(phrase, 1).TotalHits > 0;
    }

    /// <summary>The families whose first model the question names with "1" ("llama 1") although the collection writes
    /// that joined form somewhere: a Llama 2 article comparing itself with "LLaMA 1" makes "llama 1" a version that the
    /// first model's own articles, written when it was plain "LLaMA", never name (<see cref="IsFirstOfFamily"/>). Each
    /// family word is returned as typed, lower case, for the question to be read again with the plain name.</summary>
    public static List<string> WrittenFirstOfFamily(QuestionTerms lookup, IReadOnlyList<AnalyzedToken> tokens)
    {
        var families = new List<string>();
        Terms? terms = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].SharesPosition || JoinedParts(tokens, i) is not ("1", { } name) || lookup.DocFreq(tokens[i].Term) == 0)
            {
                continue;
            }

            // Words of fewer letters are not families ("o1", "r1" are models of their own).
            terms ??= MultiFields.GetTerms(lookup.Reader, F.Text);
            if (name.Length >= MinFamilyLetters && name.All(char.IsAsciiLetter) && IsFirstOfFamily(lookup, terms, name, "1"))
            {
                families.Add(name);
            }
        }

        return families;
    }

    /// <summary>"llama 1", "gemma 1": version 1 of a model the collection writes with later versions ("Llama 2", "Gemma 2")
    /// but never with 1 nor 1.0, since a family's first model is named before there is a second ("LLaMA", "Gemma").
    /// Read as a version, no article would name it and every answer would be declined. OpenAI's "o1", whose "o" the
    /// collection never writes with a version, stays a version the collection does not cover.</summary>
    private static bool IsFirstOfFamily(QuestionTerms lookup, Terms? terms, string name, string version) =>
        version == "1" && terms is not null && lookup.DocFreq(name) > 0 && HasVersions(terms, name);

    /// <summary>"openai's 6.6 billion round": a version followed by a magnitude word is an amount, never a model's.</summary>
    private static bool BeforeMagnitude(IReadOnlyList<AnalyzedToken> tokens, int at)
    {
        for (var i = at + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Position > tokens[at].Position)
            {
                return tokens[i].Position == tokens[at].Position + 1 && Magnitudes.Contains(tokens[i].Term);
            }
        }

        return false;
    }

    /// <summary>"6.6b", "385m", "10k": a number with a magnitude.</summary>
    private static bool IsAmount(string version) =>
        version.Length > 1 && (version[^1] is 'b' or 'm' or 'k' or 't') && version[..^1].All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>True when the collection holds the word joined with some version: "gemma" + "7b". Such terms sort
    /// together, from the word followed by "0" to the word followed by "9": one seek finds whether there is one, where
    /// walking the word's terms from the word itself read every term it starts ("o" for "o1": thousands of them, 3 ms at
    /// 50,000 articles).</summary>
    private static bool HasVersions(Terms terms, string name)
    {
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(new BytesRef(name + "0")) == TermsEnum.SeekStatus.END)
        {
            return false;
        }

        var term = enumerator.Term.Utf8ToString();
        return term.Length > name.Length && term.StartsWith(name, StringComparison.Ordinal) && char.IsAsciiDigit(term[name.Length]);
    }
}
