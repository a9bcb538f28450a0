using Microsoft.Extensions.Configuration;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Functions switched off by the app setting <c>AzureWebJobs.&lt;name&gt;.Disabled</c>, read as the Azure Functions host
/// reads it: a disabled timer does not fire, a disabled HTTP function answers 404 to every key but the master key.
/// <c>AzureWebJobs__&lt;name&gt;__Disabled</c> is the same setting in the form a shell can export.
/// </summary>
public static class DisabledFunctions
{
    public static string SettingName(string functionName) => $"AzureWebJobs.{functionName}.Disabled";

    /// <summary>Whether the setting disables the function; throws naming the setting when its value is not a boolean.</summary>
    public static bool IsDisabled(IConfiguration? configuration, string functionName)
    {
        var value = configuration?[SettingName(functionName)] ?? configuration?[$"AzureWebJobs:{functionName}:Disabled"];
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = value.Trim();
        if (bool.TryParse(value, out var disabled)) return disabled;
        return value switch
        {
            "1" => true,
            "0" => false,
            _ => throw new InvalidOperationException($"{SettingName(functionName)}: '{value}' is neither true nor false."),
        };
    }

    /// <summary>The names of the disabled functions among <paramref name="functions"/>.</summary>
    public static IReadOnlySet<string> Of(IConfiguration configuration, IEnumerable<FunctionDefinition> functions) =>
        functions.Where(f => IsDisabled(configuration, f.Name)).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
