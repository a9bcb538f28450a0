using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Tests.Support;

/// <summary>
/// Settings every test host starts with unless the test says otherwise:
/// the app's timer functions disabled, as an operator would disable them — a health check or scan started by the wall
/// clock in the middle of a test (every quarter hour, 02:00) would add alerts the test did not cause; and a health
/// probe timeout long enough that a slow answer on a busy machine is not counted as the service being down.
/// </summary>
public static class TestHostDefaults
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [DisabledFunctions.SettingName("HealthCheckTimer")] = "true",
        [DisabledFunctions.SettingName("SecurityScanTimer")] = "true",
        ["HEALTH_CHECK_TIMEOUT"] = "00:01:00",
    };

    /// <summary><paramref name="settings"/> over these defaults.</summary>
    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>(Settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) all[name] = value;
        return all;
    }
}
