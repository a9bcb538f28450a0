using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>What <see cref="FunctionAppLayout.Write"/> wrote, and the function.json files of functions the app no longer has.</summary>
public sealed record FunctionAppLayoutResult(IReadOnlyList<string> FunctionNames, IReadOnlyList<string> RemovedFunctionNames);

/// <summary>
/// Writes the Azure Functions app layout for running this app as a custom handler: host.json, and one
/// <c>{FunctionName}/function.json</c> per HTTP and timer function.
/// </summary>
public static class FunctionAppLayout
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static FunctionAppLayoutResult Write(string outputDirectory, IReadOnlyList<FunctionDefinition> functions, JsonObject hostJson)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var function in functions)
        {
            if (FunctionJson.For(function) is not { } functionJson) continue;
            var directory = Path.Combine(outputDirectory, function.Name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, FunctionJson.FileName), functionJson.ToJsonString(Indented) + Environment.NewLine);
            written.Add(function.Name);
        }
        File.WriteAllText(Path.Combine(outputDirectory, CustomHandlerHostJson.FileName), hostJson.ToJsonString(Indented) + Environment.NewLine);
        return new FunctionAppLayoutResult(written, RemoveStale(outputDirectory, written));
    }

    // A function.json left from a function the app no longer has would make the Functions host invoke a function
    // that is not there; only that file (and its folder, once empty) goes.
    private static List<string> RemoveStale(string outputDirectory, IReadOnlyList<string> current)
    {
        var keep = current.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(outputDirectory))
        {
            var name = Path.GetFileName(directory);
            var file = Path.Combine(directory, FunctionJson.FileName);
            if (keep.Contains(name) || !File.Exists(file)) continue;
            File.Delete(file);
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
            removed.Add(name);
        }
        removed.Sort(StringComparer.OrdinalIgnoreCase);
        return removed;
    }
}
