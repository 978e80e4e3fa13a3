using RfFingerprint.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRffpService();
var app = builder.Build();
app.UseRffpService();
await app.RunAsync();
