using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>What the Functions host runs as the custom handler: a command and its arguments.</summary>
public sealed record CustomHandlerExecutable(string Path, IReadOnlyList<string> Arguments)
{
    /// <summary>A framework-dependent app: <c>dotnet &lt;Assembly&gt;.dll</c>.</summary>
    public static CustomHandlerExecutable Dotnet(string assemblyName) => new("dotnet", [assemblyName + ".dll"]);
}

/// <summary>
/// The host.json for running behind the Functions host: the app's own host.json (our host reads its durableTask and
/// logging settings from the same file), plus the customHandler section and the route prefix our HTTP routes use.
/// </summary>
public static class CustomHandlerHostJson
{
    public const string FileName = "host.json";

    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The app's host.json from <paramref name="path"/>, or null when there is none.</summary>
    public static JsonObject? Load(string path)
    {
        if (!File.Exists(path)) return null;
        return JsonNode.Parse(File.ReadAllText(path), CaseInsensitive, Lenient) as JsonObject
            ?? throw new InvalidOperationException($"{path} is not a JSON object.");
    }

    public static JsonObject Create(JsonObject? appHostJson, CustomHandlerExecutable executable)
    {
        var hostJson = appHostJson is null ? new JsonObject(CaseInsensitive) : (JsonObject)JsonNode.Parse(appHostJson.ToJsonString(), CaseInsensitive)!;
        hostJson["version"] ??= "2.0";
        hostJson["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                ["defaultExecutablePath"] = executable.Path,
                ["arguments"] = new JsonArray([.. executable.Arguments.Select(a => JsonValue.Create(a))]),
            },
            ["enableForwardingHttpRequest"] = true,
        };
        Section(Section(hostJson, "extensions"), "http")["routePrefix"] = HttpFunctionEndpoints.RoutePrefix;
        return hostJson;
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing) return existing;
        var section = new JsonObject(CaseInsensitive);
        parent[name] = section;
        return section;
    }
}
