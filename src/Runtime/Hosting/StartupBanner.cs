using Microsoft.Extensions.Hosting;
using Serverless.Runtime.Hosting.Timers;

namespace Serverless.Runtime.Hosting;

/// <summary>Prints what Core Tools prints at start: each function with its URL or trigger, where data lives, the keys.</summary>
internal sealed class StartupBanner(Microsoft.AspNetCore.Hosting.IWebHostEnvironment environment, FunctionCatalog catalog, FunctionsHostOptions options, FunctionKeys keys, TimerTriggerSet timers, TimeProvider timeProvider, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var baseUrl = $"http://localhost:{options.Port}";
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Functions:");
        output.WriteLine();
        foreach (var function in catalog.Functions)
        {
            var disabled = catalog.Disabled.Contains(function.Name) ? $" — disabled by {DisabledFunctions.SettingName(function.Name)}" : "";
            output.WriteLine($"        {function.Name}: {Describe(function, baseUrl, timers, timeProvider.GetUtcNow().UtcDateTime)}{disabled}");
        }
        foreach (var setting in catalog.Disabled.UnknownSettings)
            output.WriteLine($"Ignored:       {setting} names no function of this app.");
        output.WriteLine();
        output.WriteLine($"Durable store: {(options.Store == "memory" ? "in memory (nothing is kept after exit)" : FunctionsApplication.StorePath(options))}");
        output.WriteLine($"Data folder:   {options.DataDirectory}");
        if (catalog.LocalSettingsPath is { } settings) output.WriteLine($"Settings:      {settings}");
        output.WriteLine($"Function key:  {keys.FunctionKey} (pass as ?code= or x-functions-key; {(keys.KeysFile is { } file ? $"the keys not given in settings are in {file}" : "every key is from settings")})");
        output.WriteLine(keys.Users.Any
            ? $"Users:         {string.Join(", ", keys.Users.KeysByName.Keys.Select(u => keys.Users.Admins.Contains(u) ? u + " (admin)" : u))}, each with a personal key (given in {UserKeys.UsersSetting}{(keys.KeysFile is { } kept ? $" or kept in {kept}" : "")}); caller-sent names are ignored"
            : $"Users:         none set; the name in {ClientPrincipal.NameHeader} is trusted as sent (set {UserKeys.UsersSetting} to give each person a key)");
        if (StaticWebRoot.HasWebRoot(environment))
            output.WriteLine($"Dashboard:     {baseUrl}/ (sign in with {(keys.Users.Any ? "your personal key" : "the function key")}; the master key adds admin actions)");
        output.WriteLine($"Management:    {baseUrl}/runtime/webhooks/durabletask/instances?code={keys.SystemKey}");
        output.WriteLine();
        output.WriteLine($"Host listening on {baseUrl}. Press Ctrl+C to stop.");
    }

    private static string Describe(FunctionDefinition function, string baseUrl, TimerTriggerSet timers, DateTime nowUtc) => function.Kind switch
    {
        FunctionTriggerKind.Http when function.Trigger is HttpTriggerAttribute http =>
            $"[{(http.Methods.Length == 0 ? "ANY" : string.Join(",", http.Methods.Select(m => m.ToUpperInvariant())))}] {baseUrl}{HttpFunctionEndpoints.RouteOf(function)}",
        FunctionTriggerKind.Timer when timers.Find(function.Name) is { Disabled: true } timer =>
            $"timerTrigger ({timer.Schedule.Expression}, {timer.Schedule.TimeZone.Id})",
        FunctionTriggerKind.Timer when timers.Find(function.Name) is { } timer =>
            $"timerTrigger ({timer.Schedule.Expression}, {timer.Schedule.TimeZone.Id}; next {timer.Schedule.GetNextOccurrence(nowUtc):yyyy-MM-dd HH:mm:ss}Z)",
        FunctionTriggerKind.Orchestration => "orchestrationTrigger",
        FunctionTriggerKind.Activity => "activityTrigger",
        _ => function.Kind.ToString(),
    };
}
