using System.CommandLine;

namespace RfFingerprint.Cli.Hosting;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = "Configuration file (default: ./appsettings.json, else the one installed beside rffp).",
        Recursive = true,
    };

    public static readonly Option<string?> Registry = new("--registry")
    {
        Description = "Registry database: a SQLite file path or a PostgreSQL connection string (overrides Registry:ConnectionString).",
        Recursive = true,
    };
}
