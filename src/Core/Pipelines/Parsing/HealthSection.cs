using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>An environment's <c>health:</c>, a mapping or just the path.</summary>
internal static class HealthSection
{
    private static readonly string[] Keys = ["path", "timeout", "expectedStatus"];

    public static HealthCheckDefinition Read(ParseContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
            return new HealthCheckDefinition { Path = ReadPath(context, node, path) };
        var map = MappingReader.Open(context, node, path, Keys, "a mapping like { path: /health, timeout: 5m }, or a path");
        if (map is null)
            return new HealthCheckDefinition();
        return new HealthCheckDefinition
        {
            Path = map["path"] is { } pathNode ? ReadPath(context, pathNode, map.PathOf("path")) : null,
            Timeout = map.Duration("timeout") ?? PipelineDefaults.HealthTimeout,
            ExpectedStatus = map.Integer("expectedStatus", 100, 599) ?? PipelineDefaults.ExpectedStatus,
        };
    }

    private static string? ReadPath(ParseContext context, YamlNode node, string path)
    {
        var text = context.Text(node, path, "an HTTP path like /health");
        if (text is null || text.StartsWith('/'))
            return text;
        context.Error(node, path, $"{ParseContext.Quote(text)} must be an HTTP path starting with '/', like /health");
        return null;
    }
}
