using Serverless.Runtime.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
var app = builder.Build();
app.MapFunctions();
app.Run();
