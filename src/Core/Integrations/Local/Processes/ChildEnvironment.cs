namespace Serverless.Core.Integrations.Local.Processes;

/// <summary>
/// Child processes start from a short allowlist of the host's variables, not the host's whole environment, so the
/// host's own secrets (webhook secret, tokens) never reach build steps or deployed services.
/// </summary>
internal static class ChildEnvironment
{
    public static readonly IReadOnlyList<string> DefaultInherited =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR",
        "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES", "NODE_PATH",
    ];

    public static Dictionary<string, string> Build(IEnumerable<string> inherited, params IReadOnlyDictionary<string, string>?[] layers)
    {
        var host = Environment.GetEnvironmentVariables();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in inherited)
        {
            if (host[name] is string value)
            {
                environment[name] = value;
            }
        }

        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }
        }

        return environment;
    }

}
