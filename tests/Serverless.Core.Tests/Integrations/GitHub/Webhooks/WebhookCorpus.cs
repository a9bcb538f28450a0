using System.Text.Json.Nodes;

namespace Serverless.Core.Tests.Integrations.GitHub.Webhooks;

/// <summary>GitHub's published webhook examples in /work/shared/corpora/github-webhooks (read-only): one folder per event.</summary>
internal static class WebhookCorpus
{
    public const string Directory = "/work/shared/corpora/github-webhooks";

    public static string SignatureDirectory => Path.Combine(Directory, "signature");

    /// <summary>Every example payload as (event name, file name relative to the corpus).</summary>
    public static IEnumerable<(string Event, string File)> Payloads() =>
        System.IO.Directory.EnumerateDirectories(Directory)
            .Where(d => Path.GetFileName(d) != "signature")
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.json"))
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(Path.GetDirectoryName(f)!), Path.GetRelativePath(Directory, f)))
            .OrderBy(p => p.Item2, StringComparer.Ordinal);

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static JsonObject ReadNode(string relativePath) => (JsonObject)JsonNode.Parse(Read(relativePath))!;
}
