using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RfFingerprint.Registry;

/// <summary>Registers the registry in a host's service collection.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RegistryOptions"/> bound from the "Registry" section of <paramref name="configuration"/> and a
    /// singleton <see cref="IRegistryStore"/>. The host still calls <see cref="IRegistryStore.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<RegistryOptions>(options => configuration.GetSection(RegistryOptions.SectionName).Bind(options));
        return AddStore(services);
    }

    /// <summary>Adds the registry with options set in code (applied after any bound configuration).</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, Action<RegistryOptions> configure)
    {
        services.Configure(configure);
        return AddStore(services);
    }

    private static IServiceCollection AddStore(IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>();
        services.AddSingleton(provider => RegistryStoreFactory.Create(
            provider.GetRequiredService<IOptions<RegistryOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        return services;
    }
}
