using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Analysis;

/// <summary>
/// English analysis for news and questions, used for both indexing and querying:
/// standard tokens, possessives dropped, lower case, British spellings folded to American,
/// stop words (including question words, which must not drive ranking), irregular verbs' past forms read as the verb
/// ("said" → say), model names joined
/// ("Phi-2", "phi 2" and "phi2" all yield <c>phi</c>, <c>2</c> and <c>phi2</c>), then Porter stemming.
/// </summary>
internal sealed class NewsAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static CharArraySet StopWords { get; } = BuildStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new SpellingVariantFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new IrregularVerbFilter(stream);
        stream = new ModelNameFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static CharArraySet BuildStopWords()
    {
        var words = new List<string>();
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            words.Add(word);
        }

        // Question words and chat filler: they say how something is asked, not what about.
        words.AddRange(
        [
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
            "do", "does", "did", "doing", "can", "could", "would", "should", "shall", "must",
            "has", "have", "had", "having", "been", "being", "am", "were",
            "i", "me", "my", "you", "your", "we", "our", "us", "he", "she", "him", "her", "his", "its", "them",
            "tell", "please", "anyone", "anything", "something", "about", "any", "some", "hey", "hi", "hello", "thanks",
            "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "can't", "won't", "i'm",

            // The same typed without the apostrophe, as chat often is ("whats", "hows", "dont").
            "whats", "whos", "hows", "wheres", "whens", "whys", "thats", "theres", "heres", "im", "ive",
            "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt", "couldnt", "shouldnt",
            "hasnt", "havent", "hadnt", "youre", "theyre", "lets",
        ]);
        return new CharArraySet(Version, words, ignoreCase: true);
    }
}
