using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Runtime.Tests.Hosting.Management;

/// <summary>The published Durable Functions HTTP API examples in /work/shared/corpora/durable-functions (read-only).</summary>
public static partial class Corpus
{
    public const string Directory = "/work/shared/corpora/durable-functions";

    public static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static JsonNode Json(string file) => JsonNode.Parse(Text(file))!;

    /// <summary>The JSON body of an .http example (everything from the first '{' or '[').</summary>
    public static string HttpBody(string file)
    {
        var text = Text(file);
        return text[text.IndexOfAny(['{', '['])..];
    }

    /// <summary>
    /// The <c>"key":"value"</c> pairs of an .http example's body, read line by line so that the published example with a
    /// missing comma can still be read.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HttpBodyPairs(string file) =>
        HttpBody(file).Split('\n')
            .Select(line => PairPattern().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>A link with its origin and instance id replaced, so links from different hosts and ids compare by shape.</summary>
    public static string Shape(string link, string origin, string instanceId) =>
        link.Replace(origin, "https://{host}", StringComparison.Ordinal).Replace(instanceId, "{id}", StringComparison.Ordinal);

    [GeneratedRegex("^\\s*\"([A-Za-z]+)\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex PairPattern();
}
