using System.CommandLine;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Registry.Entities;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary><c>rffp apikey</c>: creates, lists and revokes the service's API keys in the registry.</summary>
internal static class ApiKeyCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("apikey", "Manage the service's API keys (stored hashed in the registry).");
        command.Subcommands.Add(CreateCommand(io));
        command.Subcommands.Add(ListCommand(io));
        command.Subcommands.Add(RevokeCommand(io));
        return command;
    }

    private static Command CreateCommand(CliIo io)
    {
        var role = new Option<string>("--role")
        {
            Description = "What the key may do: viewer (read), operator (also authenticate, replay, capture), admin (also enrol, revoke, delete).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("viewer", "operator", "admin");
        var name = new Option<string?>("--name") { Description = "Label stored with the key (default: the role and the time)." };
        var command = new Command("create", "Create a key; the key itself is printed once, alone on the last line.") { role, name };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var granted = ParseRole(parseResult.GetValue(role)!);
            var label = parseResult.GetValue(name);
            if (label is not null && (label.Trim().Length == 0 || label.Length > 200))
                throw new CliUsageException("--name must be 1..200 characters");
            label ??= $"{parseResult.GetValue(role)} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z";
            await using var registry = await RegistryAccess.OpenAsync(settings, io, cancellationToken, quietWhenUpToDate: true);
            var created = await registry.CreateApiKeyAsync(label.Trim(), granted, cancellationToken);
            await io.Error.WriteLineAsync($"created {parseResult.GetValue(role)} key {created.Prefix} ('{label.Trim()}'); it is shown only now:");
            await io.Output.WriteLineAsync(created.PlaintextKey);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliIo io)
    {
        var command = new Command("list", "List keys (prefix, name, role, created, revoked); secrets are never stored.");
        VerbAction.Attach(command, io, async (_, settings, cancellationToken) =>
        {
            await using var registry = await RegistryAccess.OpenAsync(settings, io, cancellationToken, quietWhenUpToDate: true);
            var table = new Table().AddColumn("prefix").AddColumn("name").AddColumn("role").AddColumn("created (UTC)").AddColumn("revoked (UTC)");
            foreach (var key in await registry.ListApiKeysAsync(cancellationToken))
                table.AddRow(Markup.Escape(key.Prefix), Markup.Escape(key.Name), key.Role.ToString().ToLowerInvariant(),
                    key.CreatedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    key.RevokedUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            io.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeCommand(CliIo io)
    {
        var prefix = new Argument<string>("prefix") { Description = "The key's prefix as 'rffp apikey list' shows it." };
        var command = new Command("revoke", "Revoke a key: the service refuses it from the next request on.") { prefix };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var value = parseResult.GetValue(prefix)!;
            await using var registry = await RegistryAccess.OpenAsync(settings, io, cancellationToken, quietWhenUpToDate: true);
            if (!await registry.RevokeApiKeyAsync(value, cancellationToken))
                throw new CliUsageException($"no unrevoked key has prefix '{value}'");
            await io.Error.WriteLineAsync($"revoked key {value}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static ApiKeyRole ParseRole(string role) => role switch
    {
        "viewer" => ApiKeyRole.Viewer,
        "operator" => ApiKeyRole.Operator,
        "admin" => ApiKeyRole.Admin,
        _ => throw new CliUsageException($"unknown role '{role}' (viewer, operator or admin)"),
    };

}
