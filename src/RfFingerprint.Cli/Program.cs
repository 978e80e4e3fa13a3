using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli;

return await RffpCommandLine.InvokeAsync(args, CliIo.FromProcess());
