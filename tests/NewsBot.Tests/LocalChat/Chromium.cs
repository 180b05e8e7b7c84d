using Microsoft.Playwright;

namespace NewsBot.Tests.LocalChat;

/// <summary>Debian's Chromium under Playwright (Playwright cannot download browsers here), headless and quiet.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public const string Missing = "Chromium not installed (apt-get install chromium); the browser tests need it";

    public static bool IsInstalled => File.Exists(Path);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
}
