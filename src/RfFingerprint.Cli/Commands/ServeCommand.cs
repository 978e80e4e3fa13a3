using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Service.Hosting;

namespace RfFingerprint.Cli.Commands;

/// <summary><c>rffp serve</c>: runs the REST service (API, capture worker, jobs, live feed) until interrupted.</summary>
internal static class ServeCommand
{
    public static Command Create(CliIo io)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Listening addresses, ';'-separated (default: Service:Urls, http://127.0.0.1:5080; loopback unless configured otherwise).",
        };
        var command = new Command("serve", "Run the REST service on the configured registry until Ctrl-C.") { urls };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var addresses = parseResult.GetValue(urls);
            if (addresses is not null)
            {
                foreach (var address in addresses.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                        throw new CliUsageException($"--urls: '{address}' is not an http(s) address such as http://127.0.0.1:5080");
                }
            }

            await using var app = RffpServiceHost.Build([], settings.Configuration, addresses);
            await app.StartAsync(cancellationToken);
            await io.Error.WriteLineAsync($"rffp serve: listening on {string.Join(", ", app.Urls)} (Ctrl-C stops)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
