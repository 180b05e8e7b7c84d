using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>What the replica measurements start bot processes from: the bot published in Release, a copy of the knowledge folder, free loopback ports.</summary>
internal static class PublishedBot
{
    public static string Publish(string work)
    {
        var output = Path.Combine(work, "publish");
        var project = Path.Combine(BenchmarkPaths.RepoRoot, "src", "NewsBot", "NewsBot.csproj");
        Console.WriteLine($"dotnet publish {project} -c Release -o {output}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {log.Result}{error.Result}");
        }

        return Path.Combine(output, "NewsBot.dll");
    }

    public static string CopyKnowledge(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
