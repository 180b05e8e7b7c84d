using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsBot.Tests.Curation;

/// <summary>
/// A small web site on 127.0.0.1 serving the saved pages of Curation/Pages (with <c>{{base}}</c> filled in) and the
/// awkward answers real sites give: redirects, a redirect loop, 404, a 10 MB body, a PDF, a server that never answers.
/// Remembers every path asked for, so that tests can tell what was fetched.
/// </summary>
internal sealed class PageServer : IAsyncDisposable
{
    public const int HugeBytes = 10 * 1024 * 1024;
    public const int LongParagraphs = 60;

    private static readonly string PagesFolder = Path.Combine(AppContext.BaseDirectory, "Curation", "Pages");
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    static PageServer()
    {
        // windows-1252 for the latin1 page.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private PageServer(WebApplication app) => _app = app;

    public string Base { get; private set; } = string.Empty;

    /// <summary>Every path (with its query) asked for so far, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public Uri Url(string pathAndQuery) => new(Base + pathAndQuery);

    public int CountOf(string path) => _requests.Count(r => r == path || r.StartsWith(path + "?", StringComparison.Ordinal));

    public static async Task<PageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new PageServer(app);
        app.Use(async (context, next) =>
        {
            server._requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        server.Map(app);
        await app.StartAsync();
        server.Base = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    private void Map(WebApplication app)
    {
        foreach (var page in new[] { "og-only", "jsonld-only", "time-only", "no-date", "paywall", "injection" })
        {
            app.MapGet("/" + page, () => Results.Content(Page(page + ".html"), "text/html; charset=utf-8"));
        }

        app.MapGet("/long", () => Results.Content(Page("long.html").Replace("{{paragraphs}}", LongBody(), StringComparison.Ordinal), "text/html; charset=utf-8"));

        // The page declares windows-1252 in a meta tag, and is sent in that encoding with no charset in the header.
        app.MapGet("/latin1", () => Results.Bytes(Encoding.GetEncoding(1252).GetBytes(Page("latin1.html")), "text/html"));

        app.MapGet("/feeds/rss.xml", () => Results.Content(Page("rss.xml"), "application/rss+xml; charset=utf-8"));
        app.MapGet("/feeds/atom.xml", () => Results.Content(Page("atom.xml"), "application/atom+xml; charset=utf-8"));

        app.MapGet("/redirect/start", () => Results.Redirect("/redirect/middle"));
        app.MapGet("/redirect/middle", () => Results.Redirect("/og-only?utm_source=newsletter", permanent: true));
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet("/chain/{n:int}", (int n) => Results.Redirect($"/chain/{n + 1}"));
        app.MapGet("/missing", () => Results.NotFound("no such story"));
        app.MapGet("/pdf", () => Results.Bytes("%PDF-1.7 not really"u8.ToArray(), "application/pdf"));
        app.MapGet("/huge", (HttpContext context) => HugeAsync(context, declareLength: false));
        app.MapGet("/huge-declared", (HttpContext context) => HugeAsync(context, declareLength: true));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            // Never answers: waits until the client gives up.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
    }

    private string Page(string file) =>
        File.ReadAllText(Path.Combine(PagesFolder, file)).Replace("{{base}}", Base, StringComparison.Ordinal);

    private static string LongBody()
    {
        var body = new StringBuilder();
        for (var i = 1; i <= LongParagraphs; i++)
        {
            body.Append("<p>In chapter ").Append(i).Append(" of its history, the Northwind Atlas assistant gained another feature for retail staff, ")
                .Append("and Northwind measured how often staff used it in its stores over the following weeks, ")
                .Append("reporting the numbers for Atlas in its quarterly update to investors and employees.</p>\n");
        }

        return body.ToString();
    }

    private static async Task HugeAsync(HttpContext context, bool declareLength)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        if (declareLength)
        {
            context.Response.ContentLength = HugeBytes;
        }

        var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        try
        {
            for (var sent = 0; sent < HugeBytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading at its size limit.
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
