namespace NewsBot.Security;

/// <summary>A send refused before any connection because its serviceUrl is not one the bot may call (<see cref="ServiceUrlPolicy"/>).</summary>
internal sealed class ServiceUrlNotAllowedException(string? serviceUrl)
    : Exception($"its serviceUrl {serviceUrl ?? "(none)"} is not allowed: local mode sends only to this machine, an app id to Bot Framework's hosts; add it to Bot:AllowedServiceUrls to allow it")
{
    public string? ServiceUrl { get; } = serviceUrl;
}
