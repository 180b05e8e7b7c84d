using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// Rewrites the shorthand of chat into the words articles use, before a question is read: the bot addressed by name
/// ("hey bot, ..."), words said for tone ("actually", "ever"), common abbreviations ("ppl", "govt", "rn", "params"),
/// question words as chat spells them ("wen", "wat"), "come out" for "released", and amounts written the way people
/// type them ("6.6b", "$10bn", "385m"), which news prose writes as "$6.6 billion". Only English chat conventions, never
/// a topic's words, so it carries over to any collection. A size such as "7b" stays as it is: it is how model names
/// are written.
/// </summary>
internal static partial class ChatWording
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ppl"] = "people",
        ["govt"] = "government",
        ["gov't"] = "government",
        ["bc"] = "because",
        ["cuz"] = "because",
        ["abt"] = "about",
        ["rn"] = "right now",
        ["atm"] = "at the moment",
        ["tho"] = "though",
        ["w/"] = "with",
        ["w/o"] = "without",
        ["approx"] = "approximately",
        ["params"] = "parameters",
        ["param"] = "parameter",
        ["ctx"] = "context",
        ["eo"] = "executive order",
        ["wen"] = "when",
        ["wat"] = "what",
        ["wut"] = "what",
        ["wats"] = "whats",
    };

    public static string Normalise(string question)
    {
        var text = Addressed().Replace(question, string.Empty);
        text = Shorthand().Replace(text, m => Abbreviations.TryGetValue(m.Value, out var words) ? words : m.Value);
        text = Filler().Replace(text, string.Empty);
        text = ComeOut().Replace(text, m => m.Groups["verb"].Value.ToLowerInvariant() switch
        {
            "come" or "comes" or "coming" => "release",
            _ => "was released",
        });
        text = Amount().Replace(text, m =>
        {
            var suffix = m.Groups["suffix"].Value.ToLowerInvariant();
            var decimalOrCurrency = m.Groups["currency"].Success || m.Groups["number"].Value.Contains('.', StringComparison.Ordinal);
            if (suffix == "b" && !decimalOrCurrency)
            {
                return m.Value;
            }

            var magnitude = suffix switch
            {
                "b" or "bn" or "billion" => "billion",
                "t" or "tn" or "trillion" => "trillion",
                _ => "million",
            };
            return string.Create(CultureInfo.InvariantCulture, $"{m.Groups["currency"].Value}{m.Groups["number"].Value} {magnitude}");
        });
        return text.Any(char.IsLetterOrDigit) ? text : question;
    }

    /// <summary>"hey bot", "ok newsbot,", "@NewsBot", "bot," at the start: who is asked, not what ("bot detection
    /// rules" is a topic).</summary>
    [GeneratedRegex(@"^\W*(?:(?:hey|hi|hello|yo|ok|okay)\W+@?(?:news)?bot\b|@?newsbot\b|@?bot\s*[,:;!-])[\s,:;!-]*", RegexOptions.IgnoreCase)]
    private static partial Regex Addressed();

    /// <summary>Words chat adds for tone ("did openai ever actually say"): articles rarely use them, so searched they
    /// would count against every passage that answers.</summary>
    [GeneratedRegex(@"\b(?:actually|really|basically|literally|honestly|just|ever|even|kinda|sorta|pls|plz|btw|lol|stuff|thing|things)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"(?<![\w/'])(?:ppl|govt|gov't|bc|cuz|abt|rn|atm|tho|w/o|w/|approx|params|param|ctx|eo|wen|wat|wut|wats)(?![\w/'])", RegexOptions.IgnoreCase)]
    private static partial Regex Shorthand();

    /// <summary>"when did it come out", "since it came out": the phrasal verb chat uses where news writes "released".</summary>
    [GeneratedRegex(@"\b(?<verb>come|comes|coming|came)\s+out\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComeOut();

    /// <summary>"6.6b", "$4b", "10bn", "385m", "€105m", "1.5 tn": a number with a magnitude letter, not a model size ("7b").</summary>
    [GeneratedRegex(@"(?<![\w.])(?<currency>[$€£])?(?<number>\d+(?:\.\d+)?)\s?(?<suffix>bn|b|mn|m|tn|t)(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
