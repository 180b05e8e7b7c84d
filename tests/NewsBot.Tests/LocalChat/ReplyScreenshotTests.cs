using Microsoft.Playwright;
using NewsBot.Slack;
using NewsBot.Tests.Bot;
using NewsBot.Tests.Bot.Replies;
using Newtonsoft.Json.Linq;
using static Microsoft.Playwright.Assertions;

namespace NewsBot.Tests.LocalChat;

/// <summary>
/// Screenshots of an answer, a decline and a digest as people see them: Teams-style (the Adaptive Card drawn by Web
/// Chat on the local chat page) and Slack-style (the Block Kit the direct Slack endpoint posts, drawn by
/// <see cref="SlackPreviewPage"/>), all in Chromium. Written to <c>$NEWSBOT_CI_OUT/screenshots/</c> when set (as
/// <c>.ci/run</c> does), else to a temporary folder; docs/bot.md shows a copy.
/// </summary>
public sealed class ReplyScreenshotTests(LocalChatServer server) : IClassFixture<LocalChatServer>
{
    private const string SeedQuestion = "Is Phi-2 licensed for commercial use?";
    private const string Uncovered = "What's the weather in Paris?";

    private static readonly string Folder = Environment.GetEnvironmentVariable(CardSamplesTests.OutputVariable) is { Length: > 0 } output
        ? Path.Combine(output, "screenshots")
        : Path.Combine(Path.GetTempPath(), "newsbot-screenshots");

    [Fact]
    public async Task TeamsStyle_AnswerDeclineAndDigest_AreOneCardOrLineEach_AndAreWritten()
    {
        Assert.SkipUnless(Chromium.IsInstalled, Chromium.Missing);
        Directory.CreateDirectory(Folder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 760, Height = 1400 } });
        await page.GotoAsync(server.BaseAddress.AbsoluteUri);
        var transcript = page.Locator(".webchat__basic-transcript__transcript");
        await Expect(transcript).ToContainTextAsync("curated collection of AI news");
        var bubbles = transcript.Locator(".webchat__bubble");

        var answer = await AskAsync(page, SeedQuestion, "Older coverage, may be out of date");
        await answer.ScreenshotAsync(new() { Path = Path.Combine(Folder, "answer-teams.png") });

        var decline = await AskAsync(page, Uncovered, "find an answer to that in the curated news");
        await decline.ScreenshotAsync(new() { Path = Path.Combine(Folder, "decline-teams.png") });

        var digest = await AskAsync(page, "digest now", "AI news digest: 3 new articles");
        await digest.ScreenshotAsync(new() { Path = Path.Combine(Folder, "digest-teams.png") });

        // The welcome (text and Subscribe card), then one bubble per question and one per reply.
        await Expect(bubbles).ToHaveCountAsync(2 + (3 * 2));
        foreach (var name in new[] { "answer-teams", "decline-teams", "digest-teams" })
        {
            Assert.True(new FileInfo(Path.Combine(Folder, name + ".png")).Length > 1000, name);
        }
    }

    [Fact]
    public async Task SlackStyle_AnswerDeclineAndDigest_AreDrawnFromTheirBlocks_AndAreWritten()
    {
        Assert.SkipUnless(Chromium.IsInstalled, Chromium.Missing);
        Directory.CreateDirectory(Folder);
        await using var host = new BotTestHost();
        var slack = host.Services.GetRequiredService<SlackTurn>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 760, Height = 400 } });

        foreach (var (name, question, shows) in new[]
        {
            ("answer-slack", SeedQuestion, "Older coverage, may be out of date"),
            ("decline-slack", Uncovered, "find an answer to that in the curated news"),
            ("digest-slack", "digest now", "AI news digest: 3 new articles"),
        })
        {
            var message = await slack.ReplyAsync(new SlackReplyWork("C123", "1.0", question, "channel"), CancellationToken.None);
            Assert.NotNull(message);
            Assert.IsType<JArray>(message["blocks"]);
            await page.SetContentAsync(SlackPreviewPage.Html(message));
            var drawn = page.Locator(".message");
            await Expect(drawn).ToContainTextAsync(shows);
            await drawn.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png") });
            Assert.True(new FileInfo(Path.Combine(Folder, name + ".png")).Length > 1000, name);
        }
    }

    /// <summary>Types <paramref name="text"/> on the page and returns the one bot bubble that answers it, once it shows <paramref name="shows"/>.</summary>
    private static async Task<ILocator> AskAsync(IPage page, string text, string shows)
    {
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        var reply = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = shows });
        await Expect(reply).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await StillAsync(reply);
        return reply;
    }

    /// <summary>
    /// Waits until Web Chat has finished scrolling the transcript to the new reply (an animation): a screenshot taken
    /// while it moves shows the bubble cut off at one edge.
    /// </summary>
    private static async Task StillAsync(ILocator element)
    {
        var last = await element.BoundingBoxAsync();
        for (var tries = 0; tries < 50; tries++)
        {
            await Task.Delay(100);
            var now = await element.BoundingBoxAsync();
            if (now is not null && last is not null && now.X == last.X && now.Y == last.Y && now.Width == last.Width && now.Height == last.Height)
            {
                return;
            }

            last = now;
        }

        Assert.Fail("the reply was still moving after 5 s");
    }
}
