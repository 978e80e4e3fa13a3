using RfFingerprint.Service.Hosting;

await RffpServiceHost.Build(args).RunAsync();
