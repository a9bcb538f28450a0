using Serverless.Functions;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.CustomHandler;
using Serverless.Runtime.Hosting.Timers;

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
    return CannotStart(e is TimerScheduleException timers ? string.Join(" ", timers.Errors) : e.Message);
}

try
{
    await app.StartAsync();
}
catch (IOException e)
{
    // A port someone else holds: the host's own, or an environment's on the local target.
    var port = app.Services.GetRequiredService<FunctionsHostOptions>().Port;
    var hint = e.Message.Contains($":{port}:", StringComparison.Ordinal)
        ? $" Is another host running? Stop it, or start this one on another port with --port N (dotnet run --project src/Functions -- --port {port + 1})."
        : "";
    await app.DisposeAsync();
    return CannotStart(e.Message + hint);
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

static int CannotStart(string reason)
{
    Console.Error.WriteLine($"The host cannot start: {reason}");
    return 1;
}
