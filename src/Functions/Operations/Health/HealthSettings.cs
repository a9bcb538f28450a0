using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Operations.Health;

/// <summary>
/// How services are probed and when a failing one is rolled back. pipeline.yml has no "critical" flag yet, so every
/// service is critical (rolled back automatically) unless HEALTH_NON_CRITICAL_SERVICES lists it as
/// <c>service</c> or <c>environment/service</c>.
/// </summary>
public sealed record HealthSettings
{
    public const string ScheduleSetting = "HEALTH_CHECK_SCHEDULE";
    public const string DefaultSchedule = "0 */15 * * * *";
    public const string PathSetting = "HEALTH_CHECK_PATH";
    public const string TimeoutSetting = "HEALTH_CHECK_TIMEOUT";
    public const string GraceSetting = "HEALTH_ROLLBACK_GRACE";
    public const string NonCriticalSetting = "HEALTH_NON_CRITICAL_SERVICES";
    public const string DefaultPath = "/health";
    public const int ExpectedStatus = 200;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(5);

    public string Path { get; init; } = DefaultPath;
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Measured from the first failing check; a critical service still down after it is rolled back.</summary>
    public TimeSpan RollbackGrace { get; init; } = DefaultGrace;

    public IReadOnlyList<string> NonCritical { get; init; } = [];

    public bool IsCritical(string environment, string service) =>
        !NonCritical.Any(n => n.Equals(service, StringComparison.OrdinalIgnoreCase) || n.Equals($"{environment}/{service}", StringComparison.OrdinalIgnoreCase));

    public static HealthSettings From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var path = configuration[PathSetting] is { Length: > 0 } p ? p : DefaultPath;
        if (!path.StartsWith('/')) errors.Add($"{PathSetting} must start with '/'.");
        var settings = new HealthSettings
        {
            Path = path,
            Timeout = Duration(configuration, TimeoutSetting, DefaultTimeout, errors),
            RollbackGrace = Duration(configuration, GraceSetting, DefaultGrace, errors),
            NonCritical = (configuration[NonCriticalSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        if (errors.Count > 0) throw new InvalidOperationException("Invalid health check settings: " + string.Join(" ", errors));
        return settings;
    }

    private static TimeSpan Duration(IConfiguration configuration, string name, TimeSpan fallback, List<string> errors)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero) return parsed;
        errors.Add($"{name} '{value}' is not a duration such as 00:05:00.");
        return fallback;
    }
}
