using Microsoft.AspNetCore.Mvc.Testing;
using NewsBot.Collection;

namespace NewsBot.Tests.Http;

/// <summary>The real app in a test server, over a temporary knowledge folder; optionally with a Bot Framework app id.</summary>
internal sealed class NewsBotFactory(TestKnowledge knowledge, string? appId = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Path", knowledge.KnowledgePath);
        builder.UseSetting("Knowledge:Semantic", "false");
        builder.UseSetting("Storage:Path", knowledge.DataPath);
        builder.UseSetting("Knowledge:Watch:Debounce", "00:00:00.100");
        foreach (var (key, value) in knowledge.StorageSettings)
        {
            builder.UseSetting(key, value);
        }

        if (appId is not null)
        {
            builder.UseSetting("MicrosoftAppId", appId);
            builder.UseSetting("MicrosoftAppPassword", "not-a-real-secret");
            builder.UseSetting("MicrosoftAppType", "MultiTenant");
        }
    }

    /// <summary>Waits for the first index build, as /healthz does.</summary>
    public Task ReadyAsync() => Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
}
