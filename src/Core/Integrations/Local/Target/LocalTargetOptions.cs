using Serverless.Core.Integrations.Local.Processes;
using Serverless.Core.Integrations.Local.Routing;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>Settings of the local deployment target, bound from the <c>LocalTarget</c> configuration section.</summary>
public sealed class LocalTargetOptions
{
    public const string SectionName = "LocalTarget";
    public const string DefaultDataDirectory = ".data/local-target";
    public const int DefaultDevPort = 8081;
    public const int DefaultStagingPort = 8082;
    public const int DefaultProductionPort = 8083;
    public static readonly TimeSpan DefaultHealthPollInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Holds <c>state.json</c> and the release folders the target runs versions from.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>
    /// The public port on 127.0.0.1 of each environment (case-insensitive names); configuration adds to or
    /// overrides the defaults dev 8081, staging 8082, production 8083. A port of 0 picks a free one at start.
    /// </summary>
    public IDictionary<string, int> Ports { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["dev"] = DefaultDevPort,
        ["staging"] = DefaultStagingPort,
        ["production"] = DefaultProductionPort,
    };

    /// <summary>Between two health probes while a new version starts.</summary>
    public TimeSpan HealthPollInterval { get; set; } = DefaultHealthPollInterval;

    /// <summary>Between SIGTERM and SIGKILL when a version is stopped.</summary>
    public TimeSpan StopGracePeriod { get; set; } = DefaultStopGracePeriod;

    /// <summary>Host variables a service inherits; null means the runner's default allowlist. Nothing else leaks in.</summary>
    public IList<string>? InheritedEnvironment { get; set; }

    public TrafficRouterOptions Router { get; set; } = new();

    internal static IReadOnlyList<string> DefaultInheritedEnvironment => ChildEnvironment.DefaultInherited;

    /// <summary>Every problem with these settings, each naming its field; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) errors.Add($"{SectionName}:{nameof(DataDirectory)} is required.");
        foreach (var (environment, port) in Ports ?? new Dictionary<string, int>())
        {
            if (!DeploymentNames.IsValid(environment)) errors.Add($"{SectionName}:{nameof(Ports)}:{environment} is not a valid environment name (letters, digits, '.', '_', '-').");
            if (port is < 0 or > 65535) errors.Add($"{SectionName}:{nameof(Ports)}:{environment} must be a port between 0 and 65535 (was {port}).");
        }

        var taken = (Ports ?? new Dictionary<string, int>()).Where(pair => pair.Value > 0).GroupBy(pair => pair.Value).Where(group => group.Count() > 1);
        foreach (var group in taken)
        {
            errors.Add($"{SectionName}:{nameof(Ports)}: port {group.Key} is given to more than one environment ({string.Join(", ", group.Select(pair => pair.Key))}).");
        }

        if (HealthPollInterval <= TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(HealthPollInterval)} must be positive (was {HealthPollInterval}).");
        if (StopGracePeriod < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(StopGracePeriod)} must not be negative (was {StopGracePeriod}).");
        if (InheritedEnvironment?.Any(string.IsNullOrWhiteSpace) == true) errors.Add($"{SectionName}:{nameof(InheritedEnvironment)} must not hold empty names.");
        errors.AddRange((Router ?? new TrafficRouterOptions()).Validate($"{SectionName}:{nameof(Router)}"));
        return errors;
    }
}
