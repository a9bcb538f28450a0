using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Tests.Support;

/// <summary>
/// Test hosts run with the app's timer functions disabled, as an operator would disable them: a health check or scan
/// started by the wall clock in the middle of a test (every quarter hour, 02:00) would add alerts the test did not cause.
/// A test may still turn one on by setting it to false.
/// </summary>
public static class QuietTimers
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [DisabledFunctions.SettingName("HealthCheckTimer")] = "true",
        [DisabledFunctions.SettingName("SecurityScanTimer")] = "true",
    };

    /// <summary><paramref name="settings"/> with the timers off unless it says otherwise.</summary>
    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>(Settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) all[name] = value;
        return all;
    }
}
