using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Functions switched off by the app setting <c>AzureWebJobs.&lt;name&gt;.Disabled</c>, read as the Azure Functions host
/// reads it: a disabled timer does not fire, a disabled HTTP function answers 404 to every key but the master key.
/// <c>AzureWebJobs__&lt;name&gt;__Disabled</c> is the same setting in the form a shell can export. Orchestrators and
/// activities cannot be disabled: runs in flight would wait for them forever.
/// </summary>
public sealed partial class DisabledFunctions
{
    public static readonly DisabledFunctions None = new(new HashSet<string>(), []);

    private DisabledFunctions(IReadOnlySet<string> names, IReadOnlyList<string> unknownSettings)
    {
        Names = names;
        UnknownSettings = unknownSettings;
    }

    public IReadOnlySet<string> Names { get; }

    /// <summary>Settings of this form that name no function of the app (a typo, or a function since removed).</summary>
    public IReadOnlyList<string> UnknownSettings { get; }

    public bool Contains(string functionName) => Names.Contains(functionName);

    public static string SettingName(string functionName) => $"AzureWebJobs.{functionName}.Disabled";

    /// <summary>Reads the setting for every function; throws naming every setting that cannot be used.</summary>
    public static DisabledFunctions Read(IConfiguration configuration, IReadOnlyCollection<FunctionDefinition> functions)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in functions)
        {
            if (!TryRead(configuration, function.Name, out var disabled, out var error)) errors.Add(error);
            else if (disabled && function.Kind is FunctionTriggerKind.Orchestration or FunctionTriggerKind.Activity)
                errors.Add($"{SettingName(function.Name)}: {function.Name} is an {(function.Kind == FunctionTriggerKind.Activity ? "activity" : "orchestrator")}; only HTTP and timer functions can be disabled (runs in flight would wait for it forever).");
            else if (disabled) names.Add(function.Name);
        }
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));

        var known = functions.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = configuration.AsEnumerable()
            .Select(setting => SettingPattern().Match(setting.Key))
            .Where(match => match.Success && !known.Contains(match.Groups["name"].Value))
            .Select(match => match.Value)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DisabledFunctions(names, unknown);
    }

    /// <summary>Whether the setting disables the function; false with an error naming the setting when its value is not a boolean.</summary>
    public static bool TryRead(IConfiguration? configuration, string functionName, out bool disabled, out string error)
    {
        var value = Value(configuration, functionName)?.Trim();
        (disabled, error) = value switch
        {
            null or "" or "0" => (false, ""),
            "1" => (true, ""),
            _ when bool.TryParse(value, out var parsed) => (parsed, ""),
            _ => (false, $"{SettingName(functionName)}: '{value}' is not true, false, 1 or 0."),
        };
        return error.Length == 0;
    }

    // The two spellings are one setting: the source that wins (environment over local.settings.json, command line over
    // both) decides, whichever spelling it uses.
    private static string? Value(IConfiguration? configuration, string functionName)
    {
        string[] keys = [SettingName(functionName), $"AzureWebJobs:{functionName}:Disabled"];
        if (configuration is not IConfigurationRoot root) return keys.Select(key => configuration?[key]).FirstOrDefault(v => v is not null);
        foreach (var provider in root.Providers.Reverse())
            foreach (var key in keys)
                if (provider.TryGet(key, out var value)) return value;
        return null;
    }

    [GeneratedRegex(@"^AzureWebJobs[.:](?<name>[^.:]+)[.:]Disabled$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingPattern();
}
