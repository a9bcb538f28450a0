using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting;

/// <summary>The host's own settings, read once at start-up from host.json, settings and the command line.</summary>
public sealed record FunctionsHostOptions
{
    public const int DefaultPort = 7071;
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public required int Port { get; init; }
    public required string DataDirectory { get; init; }
    /// <summary>sqlite (default) or memory.</summary>
    public required string Store { get; init; }
    public required string HubName { get; init; }
    public required DurableTaskEngineOptions Engine { get; init; }
    /// <summary>
    /// Running as an Azure Functions custom handler (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is set): the Functions host
    /// owns the timer schedules and checks function keys before it forwards a request.
    /// </summary>
    public bool IsCustomHandler { get; init; }

    public static FunctionsHostOptions From(IConfiguration configuration, string[] args, int? localSettingsPort)
    {
        var errors = new List<string>();
        var port = PortFromArgs(args, errors) ?? ParsePort(configuration[CustomHandlerPortSetting], CustomHandlerPortSetting, errors) ?? localSettingsPort ?? DefaultPort;
        var store = (configuration["DURABLE_STORE"] ?? "sqlite").Trim().ToLowerInvariant();
        if (store is not ("sqlite" or "memory")) errors.Add($"DURABLE_STORE must be 'sqlite' or 'memory' (was '{store}').");
        var durable = configuration.GetSection("extensions:durableTask");
        var engine = new DurableTaskEngineOptions();
        if (durable["maxConcurrentActivityFunctions"] is { } activities)
            engine.MaxConcurrentActivityFunctions = ParseInt(activities, "host.json extensions.durableTask.maxConcurrentActivityFunctions", errors);
        if (durable["maxConcurrentOrchestratorFunctions"] is { } orchestrators)
            engine.MaxConcurrentOrchestratorFunctions = ParseInt(orchestrators, "host.json extensions.durableTask.maxConcurrentOrchestratorFunctions", errors);
        if (configuration["DURABLE_WORKER_ID"] is { Length: > 0 } workerId) engine.WorkerId = workerId;
        errors.AddRange(engine.Validate());
        if (errors.Count > 0) throw new InvalidOperationException("Invalid host settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        return new FunctionsHostOptions
        {
            Port = port,
            DataDirectory = Path.GetFullPath(configuration["PIPELINES_DATA_DIR"] is { Length: > 0 } dir ? dir : ".data"),
            Store = store,
            HubName = durable["hubName"] is { Length: > 0 } hub ? hub : "TestHubName",
            Engine = engine,
            IsCustomHandler = !string.IsNullOrWhiteSpace(configuration[CustomHandlerPortSetting]),
        };
    }

    private static int? PortFromArgs(string[] args, List<string> errors)
    {
        var index = Array.FindIndex(args, a => a is "--port" or "-p");
        if (index < 0) return null;
        return index + 1 < args.Length ? ParsePort(args[index + 1], "--port", errors) : Fail(errors, "--port needs a number.");
    }

    private static int? ParsePort(string? value, string name, List<string> errors)
    {
        if (value is null) return null;
        if (int.TryParse(value, out var port) && port is > 0 and < 65536) return port;
        errors.Add($"{name} must be a port number between 1 and 65535 (was '{value}').");
        return null;
    }

    private static int ParseInt(string value, string name, List<string> errors)
    {
        if (int.TryParse(value, out var number)) return number;
        errors.Add($"{name} must be a whole number (was '{value}').");
        return 1;
    }

    private static int? Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }
}
