using System.IO.Compression;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Cli;

public sealed class PackTeamsCommandTests : IDisposable
{
    private const string AppId = "2b9a4c3e-5f6d-4e7a-8b9c-0d1e2f3a4b5c";
    private const string BotId = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsbot-pack-");

    private string Zip => Path.Combine(_root.FullName, "out", "newsbot.zip");

    [Fact]
    public void PackTeams_WritesTheManifestAndIcons_WithPlaceholdersFilled()
    {
        var result = CliRunner.Run("pack-teams", "--app-id", AppId, "--bot-id", BotId, "--host", "newsbot.contoso.com", "--out", Zip);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Zip, result.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = ReadManifest(zip);
        Assert.DoesNotContain("{{", manifest.ToString(), StringComparison.Ordinal);
        Assert.Equal("1.22", manifest.Value<string>("manifestVersion"));
        Assert.Equal(AppId, manifest.Value<string>("id"));
        Assert.Equal(BotId, manifest["bots"]![0]!.Value<string>("botId"));
        Assert.Equal(BotId, manifest["composeExtensions"]![0]!.Value<string>("botId"));
        Assert.Equal(["newsbot.contoso.com"], manifest["validDomains"]!.Values<string>());
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.Values<string>());
        Assert.Equal(["help", "latest", "digest on", "digest off"], manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.Select(c => c.Value<string>("title")));
        Assert.Equal("Search AI news", manifest["composeExtensions"]![0]!["commands"]![0]!.Value<string>("title"));
        Assert.Equal((192, 192), PngSize(zip, "color.png"));
        Assert.Equal((32, 32), PngSize(zip, "outline.png"));
    }

    [Fact]
    public void PackTeams_UsesTheAppIdForTheBot_WhenNoBotIdIsGiven()
    {
        var result = CliRunner.Run("pack-teams", "--app-id", AppId, "--out", Zip);

        Assert.Equal(0, result.ExitCode);
        using var zip = ZipFile.OpenRead(Zip);
        var manifest = ReadManifest(zip);
        Assert.Equal(AppId, manifest["bots"]![0]!.Value<string>("botId"));
        Assert.Equal(["localhost"], manifest["validDomains"]!.Values<string>());
    }

    [Fact]
    public void PackTeams_IsDeterministic()
    {
        var second = Path.Combine(_root.FullName, "second.zip");
        Assert.Equal(0, CliRunner.Run("pack-teams", "--app-id", AppId, "--out", Zip).ExitCode);
        Assert.Equal(0, CliRunner.Run("pack-teams", "--app-id", AppId, "--out", second).ExitCode);

        Assert.Equal(File.ReadAllBytes(Zip), File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--app-id must be a GUID")]
    [InlineData("--app-id", "{2b9a4c3e-5f6d-4e7a-8b9c-0d1e2f3a4b5c}", "--app-id must be a GUID")]
    [InlineData("--bot-id", "12345", "--bot-id must be a GUID")]
    [InlineData("--host", "https://newsbot.contoso.com/", "--host must be a host name")]
    public void PackTeams_RefusesBadValues_WithExitCode2(string option, string value, string message)
    {
        var args = option == "--app-id"
            ? new[] { "pack-teams", option, value, "--out", Zip }
            : ["pack-teams", "--app-id", AppId, option, value, "--out", Zip];

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains(value, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public void PackTeams_RequiresAnAppId()
    {
        var result = CliRunner.Run("pack-teams", "--out", Zip);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--app-id", result.Error, StringComparison.Ordinal);
    }

    private static JObject ReadManifest(ZipArchive zip)
    {
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JObject.Parse(reader.ReadToEnd());
    }

    private static (int Width, int Height) PngSize(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
