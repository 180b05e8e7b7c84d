using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsBot.Tests.LocalChat;

/// <summary>The chat page end to end in real Chromium: Web Chat, the local Direct Line emulation, the bot and its card.</summary>
public sealed class ChatPageBrowserTests(LocalChatServer server) : IClassFixture<LocalChatServer>
{
    public const string Screenshot = "/tmp/newsbot-chat.png";

    [Fact]
    public async Task Page_AnswersATypedQuestion_WithOneCardLinkingTheSource_AndNamingOlderCoverage()
    {
        Assert.SkipUnless(Chromium.IsInstalled, Chromium.Missing);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };

        try
        {
            await page.GotoAsync(server.BaseAddress.AbsoluteUri);
            var transcript = page.Locator(".webchat__basic-transcript__transcript");
            await Expect(transcript).ToContainTextAsync("curated collection of AI news");

            var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
            await sendBox.FillAsync(DirectLineTestClient.Question);
            await sendBox.PressAsync("Enter");

            var card = transcript.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Microsoft moves Phi-2 to the MIT licence" });
            await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(card.Locator($"a[href='{TestKnowledge.PhiMitUrl}']")).ToBeVisibleAsync();
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Open source" })).ToBeVisibleAsync();

            // One message per answer: the card, with the older-coverage line, and the passage nowhere else.
            await Expect(card).ToContainTextAsync("Older coverage, may be out of date: Microsoft releases Phi-2 for research use (12 Dec 2023)");
            var bubbles = transcript.Locator(".webchat__bubble");
            await Expect(bubbles).ToHaveCountAsync(4); // the welcome's text and Subscribe card, the question, the answer
            await Expect(bubbles.Filter(new() { HasText = "Under the MIT licence Phi-2 is licensed" })).ToHaveCountAsync(1);
            Assert.Empty(problems);
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = Screenshot });
        }
    }
}
