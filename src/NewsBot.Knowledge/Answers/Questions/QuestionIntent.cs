using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// What a question's wording says beyond its topic: the kind of fact it asks for (<see cref="AnswerType"/>) and
/// whether it asks about the present or the beginning (<see cref="TemporalFocus"/>). Read from English question
/// words and phrases only ("who", "how many", "these days"), never from a question's topic, so it carries over to
/// any collection.
/// </summary>
/// <param name="Topic">The question without its temporal wording ("is llama still research only" → "is llama research
/// only"): "still" or "these days" say when, not what about, and would otherwise be searched as words.</param>
internal sealed partial record QuestionIntent(AnswerType Expects, TemporalFocus Temporal, string Topic)
{
    public static QuestionIntent None { get; } = new(AnswerType.Any, TemporalFocus.None, string.Empty);

    /// <summary>Whether the question asks for a kind of fact the answer model weighs. A definition is not one of them:
    /// nearly every passage says what something "is", so it only chooses the sentence to highlight.</summary>
    public bool WeighsKind => Expects is not (AnswerType.Any or AnswerType.Definition);

    /// <summary>What a question that asks for a number counts or measures, as it writes it ("how many gpus", "what's the
    /// context window", "humaneval score"): the answer's number stands beside such a word ("100,000 GPUs", "a 128,000-token
    /// context window", "scored 71.2%"), where a number beside other words counts something else ("seven companies" does
    /// not answer "what compute threshold"). Empty for other questions, and for the bare quantity words ("number",
    /// "amount", "share") that measure nothing by themselves.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    public static QuestionIntent Of(string question)
    {
        var text = question.ToLowerInvariant().Replace('’', '\'');
        var temporal = TemporalOf(text);
        var topic = temporal == TemporalFocus.None ? question : (temporal == TemporalFocus.Latest ? LatestWords() : EarliestWords()).Replace(question.Replace('’', '\''), " ");

        // "news" says what kind of answer is wanted, as "latest" says when: "latest news about sora" asks about Sora, and
        // stemmed, "news" is "new", which a tenth of the passages hold.
        topic = NewsNoun().Replace(topic, " ");
        topic = topic.Any(char.IsLetterOrDigit) ? topic : question;

        // The kind of fact is read without the temporal wording: "when it first came out" does not ask for a date.
        var expects = TypeOf(topic.ToLowerInvariant().Replace('’', '\''));

        // A closing "called" or "named" frames the question as a question word does ("whats bard called these days"):
        // the answer is a name, and the articles do not say "called" of it.
        var framed = expects == AnswerType.Name ? NamedAtEnd().Replace(topic, " ") : topic;
        return new QuestionIntent(expects, temporal, framed.Any(char.IsLetterOrDigit) ? framed : topic)
        {
            Units = expects == AnswerType.Number ? UnitsOf(topic.ToLowerInvariant()) : [],
        };
    }

    private static List<string> UnitsOf(string text)
    {
        var units = new List<string>();
        foreach (Match match in AmountNouns().Matches(text))
        {
            // "per token" divides what is counted ("how many parameters are active per token"), and a unit the question
            // counts itself ("the 700 million monthly active users rule") is what it asks about, not for: neither is counted.
            var before = text[..match.Index];
            if (!before.TrimEnd().EndsWith("per", StringComparison.Ordinal) && !CountedJustBefore().IsMatch(before))
            {
                units.AddRange(match.Value.Split(' ').Where(word => !QuantityWords().IsMatch(word)));
            }
        }

        // "how many ai companies", "how many weekly users": the counted noun is one of the two words after "how many".
        foreach (Match match in HowManyWhat().Matches(text))
        {
            units.AddRange(new[] { match.Groups[1].Value, match.Groups[2].Value }.Where(word => word.Length >= 3 && !CountedFunctionWords().IsMatch(word)));
        }

        return units.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An amount among the last four words ("700 million monthly active ", "128k "): a number with an amount
    /// word or letter, or of three digits or more, not a version ("claude 2 humaneval ").</summary>
    [GeneratedRegex(@"(?:\d[\d.,]*\s*(?:k|m|b|bn|t|thousand|million|billion|trillion)|\d{3,}[\d.,]*)\W+(?:\w+\W+){0,3}$")]
    private static partial Regex CountedJustBefore();

    [GeneratedRegex(@"^(number|amount|count|share|percentage|percent)$")]
    private static partial Regex QuantityWords();

    [GeneratedRegex(@"\bhows? many (\w+)(?: (\w+))?")]
    private static partial Regex HowManyWhat();

    [GeneratedRegex(@"^(of|the|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|there|they|you|we|it|its|their|in|on|at|to|for|per|and|or|that|this|these|those)$")]
    private static partial Regex CountedFunctionWords();

    [GeneratedRegex(@"(?i)\bnews\b")]
    private static partial Regex NewsNoun();

    [GeneratedRegex(@"(?i)\b(?:called|named)\W*$")]
    private static partial Regex NamedAtEnd();

    [GeneratedRegex(@"\bhows? many\b")]
    private static partial Regex HowMany();

    private static AnswerType TypeOf(string text)
    {
        // The first question word decides: "when did the company that X raise money" asks for a date, and a later
        // one opens a clause, not the question ("what job did he get when google merged its labs" asks no date).
        var best = AnswerType.Any;
        var at = int.MaxValue;
        var first = FirstQuestionWord().Match(text) is { Success: true } word ? word.Index + word.Length : int.MaxValue;
        Consider(ReasonWords().Match(text), AnswerType.Reason);
        Consider(DateWords().Match(text), AnswerType.Date);
        Consider(NumberWords().Match(text), AnswerType.Number);
        Consider(PlaceWords().Match(text), AnswerType.Place);
        Consider(NameWords().Match(text), AnswerType.Name);

        // A "what" question about an amount ("what's the api price", "what percentage") asks for a number too.
        if (best is AnswerType.Any && WhatQuestion().IsMatch(text) && (AmountNouns().IsMatch(text) || MoneyNouns().IsMatch(text)))
        {
            best = AnswerType.Number;
        }

        // "what is claude code" asks what something is; "what is the price of ..." asks for the price (above), and
        // "what is the context window of ..." for an attribute, not a definition.
        if (best is AnswerType.Any && DefinitionQuestion().IsMatch(text))
        {
            best = AnswerType.Definition;
        }

        // An amount of money is a number of its own kind: "how much did it raise" wants "$6 billion", not "97 investors".
        // "how many people worked there when it raised the round" counts people: a money verb in a later clause makes
        // no count a sum, a money noun ("how many dollars") does.
        return best == AnswerType.Number && (MoneyNouns().IsMatch(text) || (MoneyVerbs().IsMatch(text) && !HowMany().IsMatch(text))) ? AnswerType.Money : best;

        void Consider(Match match, AnswerType type)
        {
            // "... called" at the end asks for a name wherever the question word is, "... valued at" for an amount.
            if (match.Success && match.Index < at && (match.Index < first || match.Value.StartsWith("called", StringComparison.Ordinal) || match.Value.StartsWith("named", StringComparison.Ordinal) || match.Value.StartsWith("valued", StringComparison.Ordinal)))
            {
                (best, at) = (type, match.Index);
            }
        }
    }

    private static TemporalFocus TemporalOf(string text) =>
        LatestWords().IsMatch(text) ? TemporalFocus.Latest
        : EarliestWords().IsMatch(text) ? TemporalFocus.Earliest
        : TemporalFocus.None;

    [GeneratedRegex(@"\b(what|whats|what's|which|who|whos|who's|whom|whose|when|whens|where|wheres|why|whys|how|hows)\b")]
    private static partial Regex FirstQuestionWord();

    [GeneratedRegex(@"\b(why|whys|how come|what (caused|led to)|for what reason|on what grounds)\b")]
    private static partial Regex ReasonWords();

    [GeneratedRegex(@"\b(when|whens|since when|how long ago|(what|which) (year|date|day|month))\b")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"\b(hows? (much|many|big|large|long|fast|expensive|cheap|old|high|far|often|small)|(what|which) (sizes?|price|cost|percentage|percent|share|amount|number|valuation)|(what'?s|what is|what was|what were|what are) (the |its |their )?(size|price|cost|valuation|percentage|share|amount|number|score|context|token limit)|how much|what did [^?]* (score|cost|raise|pay)|valued at)\b")]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"\b(prices?|pricing|costs?|fees?|fines?|valuation|worth|funding|dollars?|euros?|pounds|bucks|subscription|salary|revenue)\b")]
    private static partial Regex MoneyNouns();

    [GeneratedRegex(@"\b(priced|cheap|expensive|pay|paid|paying|pays|raised?|raising|invest|invested|investing|valued?|fined|charges?|charged|spend|spent|sell|sold|bought|buy)\b")]
    private static partial Regex MoneyVerbs();

    [GeneratedRegex(@"\b(percentage|percent|share|sizes?|parameters?|params|tokens?|context (window|length)|length|number|amount|score|scores|count|users|employees|votes?|threshold|limit|cap|minimum|maximum|rate|speed)\b")]
    private static partial Regex AmountNouns();

    [GeneratedRegex(@"^\W*(hey bot\W*)?(what|whats|what's|which)\b")]
    private static partial Regex WhatQuestion();

    /// <summary>"what is X" / "what are X", where X is not an attribute: not "the ... of X" nor "the ... for X" ("what is
    /// the ai act" is a definition, "whats the license for mixtral" is not), not "what's new in X" (nor "what's in X", as
    /// it reads once "new" is taken out as temporal wording), nor a thing of
    /// someone's named by its kind ("what's mistral's flagship model", "whats apple's ai thing called"), nor one picked
    /// out by a superlative or an order ("whats the biggest qwen model alibaba has open sourced", "whats the first big
    /// project for ..."): those ask which one, not what it is.</summary>
    [GeneratedRegex(@"^\W*(hey bot\W*)?(what'?s|what is|what are|what exactly is|what exactly are)\s+(?!\s)(?!(its|their|his|her|new|special|different|wrong|happening|up|going|in|with|at|on|about|for|from)\b)(?!the\s+(\w+est|most|least|first|last|top|best|worst|next)\b)(?!the\b[^?]*\b(for|in|on|under|at|after|before|to|from|with|about|between|behind)\b)(?![^?]*\bof\b)(?![^?]*\b(model|models|chatbot|bot|gpu|gpus|chip|chips|product|products|version|thing|app|assistant|ceo|name|length|window|limit|price|cost|size|valuation|score)\W*$)[^?]*\w[^?]*\??\W*$")]
    private static partial Regex DefinitionQuestion();

    [GeneratedRegex(@"\b(where|wheres|(which|what|in what) (country|countries|city|cities|place|site|website|platform|platforms|region|state))\b")]
    private static partial Regex PlaceWords();

    [GeneratedRegex(@"\b(who|whos|whom|whose|(which|what) (?:(?!(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should)\b)\w+ ){0,2}?(company|companies|firm|firms|person|people|agency|agencies|lab|labs|startup|startups|investor|investors|organi[sz]ation|organi[sz]ations|group|team|model|models|chip|chips|product|products|one|ones|commissioner|executive|ceo|cto|founder|founders|country|countries|cloud|service|brand|name)|name of)\b|\b(called|named)\b( these days| now)?\W*$")]
    private static partial Regex NameWords();

    /// <summary>Wording that asks how things are now. In chat, "what's new with X", "anything new on X" and "news about X"
    /// ask for the latest on X, as "latest" does; only "new" or "news" is matched there, so the rest stays the topic.</summary>
    [GeneratedRegex(@"\b(right now|now|nowadays|still|currently|current|latest|newest|most recent|these days|today|anymore|any more|yet|so far|to date|as of|in the end|ended up|end up|eventually|ultimately|after all)\b|(?<=\b(what'?s|what is|anything|any|something)\s+)new(?=\s+(with|at|on|in|for|from|about)\b)|\bnews(?=\s+(on|about|from|for|at|with|of)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LatestWords();

    [GeneratedRegex(@"\b((when|as) (it|they) (first )?(came out|launched|debuted|was released|were released)|originally|original|initially|at first|first came out|first released|first launched|at launch|at release|back then|in the beginning)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EarliestWords();
}
