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

var options = app.Services.GetRequiredService<FunctionsHostOptions>();
using var hostLock = HostLock.TryAcquire(options.DataDirectory);
if (hostLock is null)
    return CannotStart($"another host is running on the data folder {Path.GetFullPath(options.DataDirectory)}. Stop it, or give this one its own folder with PIPELINES_DATA_DIR.");
// Kestrel binds after every hosted service has started (the engine, the local target's environments): find out first.
if (!PortIsFree(options.Port))
    return CannotStart($"port {options.Port} is in use. Is another host running? Stop it, or start this one on another port with --port N (dotnet run --project src/Functions -- --port {options.Port + 1}).");
try
{
    await app.StartAsync();
}
catch (IOException e)
{
    // A port someone took since the check above, or an environment's port on the local target.
    await app.DisposeAsync();
    return CannotStart(e.Message);
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

static bool PortIsFree(int port)
{
    try
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start();
        return true;
    }
    catch (System.Net.Sockets.SocketException)
    {
        return false;
    }
}

static int CannotStart(string reason)
{
    Console.Error.WriteLine($"The host cannot start: {reason}");
    return 1;
}
