using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.CustomHandler;
using Serverless.Runtime.Hosting.Management;
using Serverless.Runtime.Hosting.Timers;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.InMemory;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Builds the Functions-style host, as <c>FunctionsApplication.CreateBuilder</c> does for the isolated worker:
/// reads host.json and local.settings.json, discovers the app's functions, wires the durable engine, and listens on
/// http://localhost:7071 (or <c>--port N</c>, or <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> behind the Functions host).
/// </summary>
public static class FunctionsApplication
{
    public static WebApplicationBuilder CreateBuilder(string[] args, Assembly? functionsAssembly = null)
    {
        functionsAssembly ??= Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly to discover functions in.");
        return CreateBuilder(args, functionsAssembly.GetTypes());
    }

    /// <summary>A host for the functions declared by <paramref name="functionTypes"/> only.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, IEnumerable<Type> functionTypes)
    {
        var appDirectory = AppContext.BaseDirectory;
        var localSettings = LocalSettings.Load(appDirectory);
        localSettings.ApplyToEnvironment();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = appDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(appDirectory, "host.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(localSettings.Values);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var options = FunctionsHostOptions.From(builder.Configuration, args, localSettings.LocalHttpPort);
        var functions = FunctionDiscovery.Discover(functionTypes);
        var disabled = DisabledFunctions.Read(builder.Configuration, functions);
        var timers = TimerTriggerSet.Create(TimerFunctions.Registrations(functions), builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(options.Port));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // "Hosting failed to start" repeats, with a stack trace, the exception StartAsync throws to its caller.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Host.Properties[typeof(FunctionsHostOptions)] = options;
        builder.Services.AddFunctionsHost(options, functions, timers, localSettings, disabled);
        return builder;
    }

    /// <summary>The host settings <see cref="CreateBuilder(string[], IEnumerable{Type})"/> read, for the app's own registrations.</summary>
    public static FunctionsHostOptions GetFunctionsHostOptions(this WebApplicationBuilder builder) =>
        builder.Host.Properties.TryGetValue(typeof(FunctionsHostOptions), out var options) && options is FunctionsHostOptions host
            ? host
            : throw new InvalidOperationException("This builder was not made by FunctionsApplication.CreateBuilder.");

    public static IServiceCollection AddFunctionsHost(this IServiceCollection services, FunctionsHostOptions options, IReadOnlyList<FunctionDefinition> functions, TimerTriggerSet timers, LocalSettings? localSettings = null, DisabledFunctions? disabled = null)
    {
        services.AddSingleton(timers);
        services.AddSingleton(options);
        services.AddSingleton(new FunctionCatalog(functions, localSettings?.Path, disabled ?? DisabledFunctions.None));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => FunctionKeys.Load(sp.GetRequiredService<IConfiguration>(), options.DataDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<FunctionKeys>().Users);
        services.AddSingleton<IOrchestrationStore>(sp => CreateStore(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableTaskRegistry().AddFunctions(functions).AddTimerTriggers(timers));
        services.AddSingleton(sp => new DurableTaskEngine(
            sp.GetRequiredService<IOrchestrationStore>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            options.Engine,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp));
        services.AddSingleton(sp => sp.GetRequiredService<DurableTaskEngine>().Client);
        services.AddDurableTaskManagementApi(o => o.HubName = options.HubName);
        services.AddOptions<DurableManagementApiOptions>().Configure<FunctionKeys>((o, keys) => o.SystemKey = keys.SystemKey);
        services.AddSingleton<IManagementApiAuthorizer, FunctionKeysManagementAuthorizer>();
        if (options.IsCustomHandler) services.AddCustomHandlerMode();
        services.AddHostedService<DurableEngineService>();
        if (!options.IsCustomHandler)
            services.AddHostedService(sp => new TimerTriggerStarter(sp.GetRequiredService<DurableTaskClient>(), timers, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<StartupBanner>();
        services.AddProblemDetails();
        services.AddMvcCore();
        return services;
    }

    /// <summary>Serves wwwroot at / and maps the HTTP functions (and, behind the Functions host, the timer invocation endpoint); call after Build.</summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        _ = app.Services.GetRequiredService<FunctionKeys>();  // a mistake in the key settings stops the host here, not at the first request
        app.UseStaticWebRoot();
        app.MapHttpFunctions(catalog.Functions, catalog.Disabled.Names);
        if (app.Services.GetRequiredService<FunctionsHostOptions>().IsCustomHandler) app.MapTimerInvocations(catalog.Functions);
        app.MapDurableTaskManagementApi();
        return app;
    }

    private static IOrchestrationStore CreateStore(FunctionsHostOptions options, TimeProvider timeProvider) => options.Store switch
    {
        "memory" => new InMemoryOrchestrationStore(timeProvider, options.Engine.WorkerId),
        _ => new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = StorePath(options) }, timeProvider, options.Engine.WorkerId),
    };

    public static string StorePath(FunctionsHostOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return Path.Combine(options.DataDirectory, $"{options.HubName}.durable.db");
    }
}

/// <summary>The app's discovered functions, and which of them the app settings disable.</summary>
public sealed record FunctionCatalog(IReadOnlyList<FunctionDefinition> Functions, string? LocalSettingsPath, DisabledFunctions Disabled);

/// <summary>Starts the durable engine with the host and stops it (waiting for work in flight) when the host stops.</summary>
internal sealed class DurableEngineService(DurableTaskEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
