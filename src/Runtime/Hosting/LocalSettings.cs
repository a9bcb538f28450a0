using System.Text.Json;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// local.settings.json as Core Tools reads it: <c>Values</c> become environment variables (a variable already set in
/// the environment wins) and configuration; <c>Host.LocalHttpPort</c> sets the port.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string?> Values, int? LocalHttpPort, string? Path)
{
    public const string FileName = "local.settings.json";

    public static LocalSettings Load(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path)) return new LocalSettings(new Dictionary<string, string?>(), null, null);
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var valuesElement) && valuesElement.ValueKind == JsonValueKind.Object)
            foreach (var property in valuesElement.EnumerateObject())
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
        int? port = document.RootElement.TryGetProperty("Host", out var host) && host.TryGetProperty("LocalHttpPort", out var portElement) && portElement.TryGetInt32(out var p) ? p : null;
        return new LocalSettings(values, port, path);
    }

    /// <summary>Sets each value as an environment variable unless the environment already has it.</summary>
    public void ApplyToEnvironment()
    {
        foreach (var (name, value) in Values)
            if (Environment.GetEnvironmentVariable(name) is null) Environment.SetEnvironmentVariable(name, value);
    }
}
