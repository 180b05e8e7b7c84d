using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Bot.Teams;

/// <summary>
/// The Teams app package: <c>manifest/teams/</c>'s manifest.json (placeholders filled) with its two icons, zipped
/// flat as Teams expects. The template is embedded in the executable, so packing works from any directory.
/// </summary>
internal static partial class TeamsAppPackage
{
    public const string AppIdPlaceholder = "{{APP_ID}}";
    public const string BotIdPlaceholder = "{{BOT_ID}}";
    public const string HostPlaceholder = "{{HOST}}";

    private static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>Fixed entry times, so that the same inputs give the same zip.</summary>
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A host name as Teams' validDomains takes it: letters, digits, hyphens and dots, optionally a port.</summary>
    public static bool IsValidHost(string host) => HostName().IsMatch(host);

    /// <summary>The manifest with the app id, bot id and host filled in.</summary>
    public static string Manifest(Guid appId, Guid botId, string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return ReadText("manifest.json")
            .Replace(AppIdPlaceholder, appId.ToString("D"), StringComparison.Ordinal)
            .Replace(BotIdPlaceholder, botId.ToString("D"), StringComparison.Ordinal)
            .Replace(HostPlaceholder, host, StringComparison.Ordinal);
    }

    public static void Write(Stream output, Guid appId, Guid botId, string host)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var target = entry.Open();
            if (name == "manifest.json")
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Manifest(appId, botId, host));
                target.Write(bytes);
            }
            else
            {
                using var source = Open(name);
                source.CopyTo(target);
            }
        }
    }

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"TeamsApp/{name}")
        ?? throw new InvalidOperationException($"The Teams app template file {name} is not embedded in NewsBot (see NewsBot.csproj).");

    [GeneratedRegex(@"^(?=.{1,253}(:\d{1,5})?$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$")]
    private static partial Regex HostName();
}
