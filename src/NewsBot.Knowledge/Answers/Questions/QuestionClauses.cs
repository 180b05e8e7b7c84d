using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// A question that describes what it asks about instead of naming it, split into the question proper and the
/// description: "the openai model apple plugged into siri - what did it score on mmlu", "who led the funding round for
/// the company that makes mixtral", "after merging brain and deepmind, what was google's first open model called". The
/// description's words belong to another article than the answer's (the Apple one, not the GPT-4o one), so the whole
/// question matches neither well. Read from English sentence shapes only (a dash between a description and a question,
/// a leading "after ...," clause, a relative clause after a noun), never from a topic's words.
/// </summary>
/// <param name="Main">The question without the description; when the description is a relative clause, its noun stays
/// ("who led the funding round for the company").</param>
/// <param name="Description">What names the thing asked about: the noun phrase with its clause ("the company that makes
/// mixtral"), the side of the dash without a question, or the leading clause.</param>
internal sealed partial record QuestionClauses(string Main, string Description)
{
    public static QuestionClauses? Of(string question)
    {
        var text = question.Trim().TrimEnd('?', '.', '!', ' ');
        return Dashed(text) ?? Leading(text) ?? Relative(text);
    }

    /// <summary>"the openai model apple plugged into siri - what did it score on mmlu": one side asks, the other describes.</summary>
    private static QuestionClauses? Dashed(string text)
    {
        var parts = Dash().Split(text);
        if (parts.Length != 2 || parts.Any(p => !p.Any(char.IsLetter)))
        {
            return null;
        }

        var (first, second) = (parts[0].Trim(), parts[1].Trim());
        return Asks(second) && !Asks(first) ? new QuestionClauses(second, first)
            : Asks(first) && !Asks(second) ? new QuestionClauses(first, second)
            : null;
    }

    /// <summary>"after merging brain and deepmind, what was ...": a leading clause of time sets the scene.</summary>
    private static QuestionClauses? Leading(string text) =>
        LeadingClause().Match(text) is { Success: true } match && Asks(match.Groups["main"].Value)
            ? new QuestionClauses(match.Groups["main"].Value.Trim(), match.Groups["clause"].Value.Trim())
            : null;

    /// <summary>"... for the company that makes mixtral", "the bing chat that microsoft rebranded as copilot, which ...":
    /// a noun with a relative clause up to a comma or the end.</summary>
    private static QuestionClauses? Relative(string text)
    {
        if (RelativeClause().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var clause = match.Groups["clause"];
        var main = (text[..clause.Index] + text[(clause.Index + clause.Length)..]).Trim();
        main = Whitespace().Replace(main, " ");
        return Asks(main) ? new QuestionClauses(main, match.Value.Trim()) : null;
    }

    /// <summary>A question word or an auxiliary verb opens it, or it has a question word after a comma ("the bing chat,
    /// which model was it running on").</summary>
    private static bool Asks(string text) => Question().IsMatch(text.Trim().ToLowerInvariant());

    [GeneratedRegex(@"\s+[-–—]+\s+")]
    private static partial Regex Dash();

    [GeneratedRegex(@"^(?<clause>(?:after|before|by the time|once|following|since|now that)\s[^,]{3,}),\s*(?<main>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingClause();

    /// <summary>A determiner, up to three words of a noun, then "that", "which" or "who" and the clause, which closes the
    /// question or is followed by the question proper (a comma and a question word). "that" after a verb ("did that
    /// end") is no relative: a determiner must come first; nor is "who" after "and" ("how much did it raise in its
    /// series a and who led it" asks two questions). A clause followed by ", or ..." is the question's own content
    /// ("can we ship a product that embeds phi-2, or is it still research only" asks about Phi-2, not about a product).</summary>
    [GeneratedRegex(@"\b(?:the|a|an)\s+(?:[\w'’.-]+\s+){0,2}[\w'’.-]+(?<!\b(?:and|or|but))\s+(?<clause>(?:that|which|who)\s+[^,]+?)(?=,\s*(?:what|whats|what's|which|who|whos|who's|whom|whose|when|where|why|how)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"(^|,\s*)(hey bot\W*)?(what|whats|what's|which|who|whos|who's|whom|whose|when|where|why|how|is|are|was|were|did|does|do|can|could|will|would|has|have|had|should)\b")]
    private static partial Regex Question();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Whitespace();
}
