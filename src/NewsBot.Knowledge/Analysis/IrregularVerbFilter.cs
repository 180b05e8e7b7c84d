using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsBot.Knowledge.Analysis;

/// <summary>
/// Reads an irregular verb's past forms as the verb ("said" → say, "paid" → pay, "led" → lead, "sold" → sell), before
/// stemming. News reports in the past tense and chat asks in the present ("what did openai say", "who leads it", "how
/// much did they pay"): Porter stemming joins "raised" and "raise" but never "said" and "say". Forms of be, have and
/// do are stop words; forms that are also common words of another meaning ("found", "left", "rose") are left alone.
/// </summary>
internal sealed class IrregularVerbFilter : TokenFilter
{
    private static readonly FrozenDictionary<string, string> Bases = BuildBases();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Bases.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public IrregularVerbFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword && Lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var verb))
        {
            _term.SetEmpty().Append(verb);
        }

        return true;
    }

    private static FrozenDictionary<string, string> BuildBases()
    {
        var forms = new (string Verb, string[] Past)[]
        {
            ("say", ["said"]), ("pay", ["paid"]), ("make", ["made"]), ("lead", ["led"]), ("sell", ["sold"]),
            ("buy", ["bought"]), ("win", ["won"]), ("take", ["took", "taken"]), ("give", ["gave", "given"]),
            ("build", ["built"]), ("begin", ["began", "begun"]), ("run", ["ran"]), ("go", ["went", "gone"]),
            ("get", ["got", "gotten"]), ("hold", ["held"]), ("bring", ["brought"]), ("think", ["thought"]),
            ("tell", ["told"]), ("become", ["became"]), ("come", ["came"]), ("keep", ["kept"]), ("spend", ["spent"]),
            ("send", ["sent"]), ("stand", ["stood"]), ("teach", ["taught"]), ("write", ["wrote", "written"]),
            ("know", ["knew", "known"]), ("grow", ["grew", "grown"]), ("choose", ["chose", "chosen"]),
            ("drive", ["drove", "driven"]), ("fall", ["fell", "fallen"]), ("speak", ["spoke", "spoken"]),
            ("break", ["broke", "broken"]), ("strike", ["struck"]), ("seek", ["sought"]), ("catch", ["caught"]),
            ("fight", ["fought"]), ("draw", ["drew", "drawn"]), ("show", ["shown"]), ("hide", ["hid", "hidden"]),
            ("steal", ["stole", "stolen"]), ("throw", ["threw", "thrown"]), ("understand", ["understood"]),
            ("withdraw", ["withdrew", "withdrawn"]), ("overtake", ["overtook", "overtaken"]), ("undertake", ["undertook", "undertaken"]),
            ("forget", ["forgot", "forgotten"]), ("forbid", ["forbade", "forbidden"]), ("rebuild", ["rebuilt"]),
            ("outsell", ["outsold"]), ("oversee", ["oversaw", "overseen"]), ("see", ["saw", "seen"]), ("feel", ["felt"]),
            ("mean", ["meant"]), ("hear", ["heard"]), ("lend", ["lent"]), ("deal", ["dealt"]), ("wear", ["wore", "worn"]),
            ("fly", ["flew", "flown"]), ("freeze", ["froze", "frozen"]), ("hang", ["hung"]), ("lose", ["lost"]),
            ("rise", ["risen"]), ("arise", ["arose", "arisen"]), ("eat", ["ate", "eaten"]), ("shake", ["shook", "shaken"]),
            ("sing", ["sang", "sung"]), ("swim", ["swam", "swum"]), ("tear", ["tore", "torn"]), ("blow", ["blew", "blown"]),
        };
        return forms.SelectMany(f => f.Past.Select(p => (Past: p, f.Verb))).ToFrozenDictionary(f => f.Past, f => f.Verb, StringComparer.Ordinal);
    }
}
