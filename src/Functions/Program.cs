using Serverless.Functions;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.CustomHandler;

if (GenerateFunctionsCommand.TryRun(args, out var exitCode)) return exitCode;

WebApplication app;
try
{
    var builder = FunctionsApplication.CreateBuilder(args);
    builder.Services.AddPipelines(builder.Configuration, builder.GetFunctionsHostOptions());
    app = builder.Build();
    app.MapFunctions();
}
catch (Exception e) when (e is InvalidOperationException or FormatException)
{
    // Settings are read and checked before the host starts; say what is wrong, not where in our code it was found.
    Console.Error.WriteLine($"The host cannot start: {e.Message}");
    return 1;
}
app.Run();
return 0;
