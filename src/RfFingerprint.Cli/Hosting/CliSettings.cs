using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// The configuration one invocation runs with: the chosen appsettings.json, then environment
/// variables prefixed <c>RFFP_</c> (<c>RFFP_Registry__ConnectionString</c>), then command-line overrides.
/// </summary>
internal sealed class CliSettings
{
    public const string DefaultFileName = "appsettings.json";

    private CliSettings(IConfiguration configuration, string? sourcePath)
    {
        Configuration = configuration;
        SourcePath = sourcePath;
    }

    public IConfiguration Configuration { get; }

    /// <summary>The file the settings came from, or null when running on built-in defaults.</summary>
    public string? SourcePath { get; }

    /// <exception cref="CliUsageException">An explicit <c>--config</c> file does not exist or is not valid JSON.</exception>
    public static CliSettings Load(ParseResult parseResult)
    {
        var explicitFile = parseResult.GetValue(GlobalOptions.Config);
        string? path;
        if (explicitFile is not null)
        {
            if (!explicitFile.Exists)
                throw new CliUsageException($"configuration file '{explicitFile.FullName}' does not exist");
            path = explicitFile.FullName;
        }
        else
        {
            path = new[]
            {
                Path.Combine(Environment.CurrentDirectory, DefaultFileName),
                Path.Combine(AppContext.BaseDirectory, DefaultFileName),
            }.FirstOrDefault(File.Exists);
        }

        var builder = new ConfigurationBuilder();
        if (path is not null)
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables("RFFP_");
        var registry = parseResult.GetValue(GlobalOptions.Registry);
        if (!string.IsNullOrWhiteSpace(registry))
            builder.AddInMemoryCollection([new("Registry:ConnectionString", registry)]);

        try
        {
            return new CliSettings(builder.Build(), path);
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException($"configuration file '{path}' is not valid JSON: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>Binds a section to an options class, keeping the class's defaults for missing keys.</summary>
    public T Bind<T>(string section) where T : new()
    {
        var value = new T();
        Configuration.GetSection(section).Bind(value);
        return value;
    }

    /// <summary>Resolves a path from the configuration relative to the configuration file's folder.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) || SourcePath is null
            ? path
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath)!, path));
}
