namespace NewsBot.Tests.Hosting;

/// <summary>Leaving a background service out of a test host, e.g. a replica that accepts Slack events and never answers them.</summary>
internal static class HostedServices
{
    public static IServiceCollection RemoveHostedService<T>(this IServiceCollection services)
        where T : IHostedService
    {
        foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(T)).ToList())
        {
            services.Remove(service);
        }

        return services;
    }
}
