using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsBot.Knowledge.Analysis;

/// <summary>
/// Folds British spellings to American ones before stemming, so that "licence" and "licensed",
/// "organisation" and "organization" meet. Porter stemming alone keeps them apart.
/// </summary>
internal sealed class SpellingVariantFilter : TokenFilter
{
    private static readonly FrozenDictionary<string, string> Variants = BuildVariants();

    private readonly ICharTermAttribute _term;

    public SpellingVariantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length > 3 && Variants.TryGetValue(_term.ToString(), out var american))
        {
            _term.SetEmpty().Append(american);
        }

        return true;
    }

    private static FrozenDictionary<string, string> BuildVariants()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["licence"] = "license",
            ["licences"] = "licenses",
            ["licenced"] = "licensed",
            ["licencing"] = "licensing",
            ["licensor"] = "licensor",
            ["programme"] = "program",
            ["programmes"] = "programs",
            ["behaviour"] = "behavior",
            ["behaviours"] = "behaviors",
            ["colour"] = "color",
            ["favour"] = "favor",
            ["labour"] = "labor",
            ["centre"] = "center",
            ["centres"] = "centers",
            ["defence"] = "defense",
            ["catalogue"] = "catalog",
            ["modelling"] = "modeling",
            ["modelled"] = "modeled",
            ["travelling"] = "traveling",
            ["cancelled"] = "canceled",
            ["analyse"] = "analyze",
            ["analysed"] = "analyzed",
            ["analyses"] = "analyzes",
            ["analysing"] = "analyzing",
            ["judgement"] = "judgment",
            ["artefact"] = "artifact",
            ["artefacts"] = "artifacts",
        };

        string[] izeStems =
        [
            "organ", "recogn", "optim", "real", "util", "summar", "priorit", "critic", "standard", "capital",
            "emphas", "author", "minim", "maxim", "character", "special", "general", "normal", "commercial",
            "monet", "apolog", "categor", "final", "local", "global", "industrial", "mobil", "modern",
            "neutral", "popular", "custom", "visual", "subsid", "token", "democrat", "digit", "central",
            "legal", "harmon", "synchron", "stabil", "personal", "regular", "fantas", "revolution", "scrutin",
        ];
        foreach (var stem in izeStems)
        {
            foreach (var (british, american) in new[] { ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"), ("isations", "izations"), ("iser", "izer"), ("isers", "izers") })
            {
                map.TryAdd(stem + british, stem + american);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
