using System.Globalization;
using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;
using Newtonsoft.Json.Linq;

namespace NewsBot.Curation;

/// <summary>
/// Adaptive Cards for curators, JSON written by hand like the bot's other cards. Everything that came from the page
/// is a TextRun of a RichTextBlock, which Adaptive Cards never read as Markdown: a page cannot put a link or
/// formatting into the card.
/// </summary>
internal static class DraftCard
{
    /// <summary>A paragraph longer than this is cut in a preview.</summary>
    public const int MaxParagraph = 500;

    /// <summary>The preview of a new draft: title, publisher and date, the first paragraphs, the checks and lint, and Publish/Discard.</summary>
    public static Attachment Preview(Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = new JArray
        {
            AdaptiveCards.TextBlock("New draft", size: "Small", subtle: true),
            Plain(DraftText.Title(draft), weight: "Bolder", size: "Medium", spacing: "None"),
            Plain(DraftText.Byline(draft), subtle: true, spacing: "None"),
        };
        foreach (var paragraph in draft.Paragraphs.Take(DraftText.PreviewParagraphs))
        {
            body.Add(Plain(TextLimits.Cut(paragraph, MaxParagraph)));
        }

        body.Add(AdaptiveCards.TextBlock(
            string.Create(CultureInfo.InvariantCulture, $"{draft.Paragraphs.Count} paragraphs, {draft.Words} words in {draft.Id}"),
            size: "Small",
            subtle: true));
        AddFindings(body, checks, problems);

        var actions = new JArray
        {
            AdaptiveCards.Submit("Publish", CardCommand.Data($"publish {draft.Id}")),
            AdaptiveCards.Submit("Discard", CardCommand.Data($"discard {draft.Id}")),
        };
        if (draft.Url is { } url)
        {
            actions.Add(AdaptiveCards.OpenUrl("Open source", url));
        }

        return AdaptiveCards.Attachment(body, actions, $"Draft: {draft.Title} ({DraftText.Byline(draft)}). Type 'publish {draft.Id}' or 'discard {draft.Id}'.");
    }

    /// <summary>The waiting drafts, each with its lint state and Publish/Discard buttons.</summary>
    public static Attachment List(IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var body = new JArray { AdaptiveCards.TextBlock(DraftText.Heading(total), weight: "Bolder", size: "Medium") };
        foreach (var (draft, problems) in drafts)
        {
            body.Add(Plain(draft.Title ?? draft.Id, weight: "Bolder", spacing: "Medium"));
            body.Add(Plain($"{DraftText.Byline(draft)} · {DraftText.State(problems)}", subtle: true, spacing: "None"));
            body.Add(new JObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JArray
                {
                    AdaptiveCards.Submit("Publish", CardCommand.Data($"publish {draft.Id}")),
                    AdaptiveCards.Submit("Discard", CardCommand.Data($"discard {draft.Id}")),
                },
            });
        }

        if (total > drafts.Count)
        {
            body.Add(AdaptiveCards.TextBlock(string.Create(CultureInfo.InvariantCulture, $"and {total - drafts.Count} more in knowledge/_drafts/"), subtle: true));
        }

        return AdaptiveCards.Attachment(body, fallbackText: DraftText.Heading(total));
    }

    private static void AddFindings(JArray body, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        if (checks.Count > 0)
        {
            body.Add(AdaptiveCards.TextBlock("Check before publishing", weight: "Bolder", spacing: "Medium"));
            foreach (var check in checks)
            {
                body.Add(Plain("• " + check, spacing: "None"));
            }
        }

        body.Add(AdaptiveCards.TextBlock(problems.Count == 0 ? "Lint: clean" : "Lint", weight: "Bolder", spacing: "Medium"));
        foreach (var problem in problems)
        {
            body.Add(Plain("• " + DraftText.Finding(problem), spacing: "None"));
        }
    }

    /// <summary>Text that is shown as it is: a RichTextBlock's TextRun, never Markdown.</summary>
    private static JObject Plain(string text, string? weight = null, string? size = null, bool subtle = false, string? spacing = null)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        if (weight is not null)
        {
            run["weight"] = weight;
        }

        if (size is not null)
        {
            run["size"] = size;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        var block = new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { run } };
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }
}
