using System.Text.Json.Nodes;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>GitHub's published webhook examples, copied to Webhooks/Corpus (see its PROVENANCE.md): one folder per event.</summary>
public static class WebhookCorpus
{
    /// <summary>The repository every octokit example (but a few) is about.</summary>
    public const string Repository = "Codertocat/Hello-World";

    private static readonly string[] StartingEvents = ["push", "pull_request", "ping"];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Webhooks", "Corpus");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static JsonObject ReadNode(string relativePath) => (JsonObject)JsonNode.Parse(Read(relativePath))!;

    /// <summary>A copy of an example with a change made in memory (for shapes GitHub publishes no example of).</summary>
    public static byte[] Derive(string relativePath, Action<JsonObject> change)
    {
        var node = ReadNode(relativePath);
        change(node);
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>(event, file) for every example of an event that never starts a pipeline.</summary>
    public static TheoryData<string, string> OtherEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
        {
            var eventName = Path.GetFileName(folder);
            if (StartingEvents.Contains(eventName)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
                data.Add(eventName, Path.GetRelativePath(Directory, file));
        }
        return data;
    }
}
