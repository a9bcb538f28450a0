using Serverless.Functions;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.CustomHandler;

if (GenerateFunctionsCommand.TryRun(args, out var exitCode)) return exitCode;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPipelines(builder.Configuration, builder.GetFunctionsHostOptions());
var app = builder.Build();
app.MapFunctions();
app.Run();
return 0;
