using Quartz;
using RfFingerprint.Registry;

namespace RfFingerprint.Service.Jobs;

/// <summary>Registers Quartz with its persistent store in the registry database, and the service's jobs.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scheduler: ADO.NET job store in the registry's database (SQLite or PostgreSQL, tables created at
    /// start-up when missing), System.Text.Json job data, retry policy from <see cref="JobsOptions"/>, clustering on
    /// request, and a hosted service that starts it after the registry migration.
    /// </summary>
    public static IServiceCollection AddRffpJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var registry = configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();
        var connection = RegistryConnection.Parse(registry.ConnectionString);

        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.SectionName));
        services.AddSingleton<JobProgressTracker>();
        services.AddSingleton<JobScheduler>();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(1, options.MaxConcurrency));
            if (options.RetryAttempts > 0)
            {
                q.UseDefaultRetryPolicy(RetryPolicy.Fixed(options.RetryAttempts, TimeSpan.FromSeconds(Math.Max(0, options.RetryDelaySeconds))));
            }

            q.UsePersistentStore(store =>
            {
                if (connection.Provider == RegistryProvider.Sqlite)
                {
                    store.UseSqlite(connection.ConnectionString);
                }
                else
                {
                    store.UsePostgres(connection.ConnectionString);
                    if (options.Clustered)
                    {
                        store.UseClustering(_ => { });
                    }
                }

                store.ConfigureStore(s => s.TablePrefix = options.TablePrefix);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(hosted =>
        {
            hosted.AutoStart = options.AutoStart;
            hosted.WaitForJobsToComplete = false;
        });
        return services;
    }
}
